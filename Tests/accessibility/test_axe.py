"""axe-core in headless Chromium over every generated page, at a desktop and a phone width:
what a screen-reader or keyboard user meets (contrast, landmarks, titles, headings…)."""

import json

import pytest

from conftest import WIDTHS, axe_script, open_page, site_pages

_results = {}


def axe_violations(browser, output, width):
    """{page: [(rule, nodes, first target)]} for every page with a violation, run once per width."""
    if width not in _results:
        script = axe_script()
        found = {}
        for page in site_pages(output):
            open_page(browser, page, width)
            browser.execute_script(script)
            violations = browser.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {resultTypes: ['violations']})"
                ".then(r => done(r.violations.map(v => [v.id, v.nodes.length, v.nodes[0].target.join(' ')])))"
                ".catch(e => done([['axe-error', 0, String(e)]]));")
            if violations:
                found[page] = violations
        _results[width] = found
    return _results[width]


def describe(output, found):
    return "\n".join(f"{page.relative_to(output)}: {rule} ({nodes} nœuds, p. ex. {target})"
                     for page, violations in sorted(found.items()) for rule, nodes, target in violations)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_axe_violation_on_any_page(browser, output, width):
    found = axe_violations(browser, output, width)
    assert not found, "violations axe :\n" + describe(output, found)
