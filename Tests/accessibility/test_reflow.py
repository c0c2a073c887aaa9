"""Reflow (WCAG 1.4.10): at 320 CSS px every page fits the width (no sideways scrolling of the
page; tables stack), and chart text stays readable (≥ 12 px) on a phone."""

import pytest

from conftest import open_page, site_pages


def test_every_page_fits_320_px(browser, output):
    too_wide = {}
    for page in site_pages(output):
        open_page(browser, page, 320)
        width = browser.execute_script("return document.documentElement.scrollWidth")
        if width > 320:
            too_wide[str(page.relative_to(output))] = width
    assert not too_wide, f"pages plus larges que 320 px (largeur en px) : {too_wide}"


@pytest.mark.parametrize("width", (390, 320))
def test_chart_text_is_at_least_12_px(browser, output, width):
    small = {}
    for page in site_pages(output):
        if "<svg" not in page.read_text(encoding="utf-8"):
            continue
        open_page(browser, page, width)
        sizes = browser.execute_script("""
            return [...document.querySelectorAll('figure svg text')].map(text => {
                const scale = text.ownerSVGElement.getScreenCTM().a;
                return parseFloat(getComputedStyle(text).fontSize) * scale;
            });""")
        if sizes and min(sizes) < 11.95:
            small[str(page.relative_to(output))] = round(min(sizes), 1)
    assert not small, f"texte de graphique sous 12 px (plus petite taille en px) : {small}"
