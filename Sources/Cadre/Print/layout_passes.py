"""Fewer layout passes for WeasyPrint 70, with the link pages known from the last build.

A style sheet asking for `target-counter(attr(href), page)` (the guide's sommaire and its
« (p. 12) » cross-references) makes WeasyPrint lay out again, twice, every page that prints one:
50 page layouts for the guide's 30 pages. (The second time is for the total of pages, which
WeasyPrint compares with the rest of the page counters and only knows after a first pass.)

The last build leaves the page of every link's target (`pagination.json`, `renvois`). Each link
then carries that number (`data-cadre-page`) and the style sheets read it with `attr()` instead:
30 page layouts. While the pages are laid out, each target is checked against its known page; at
the first that moved, the layout stops there and starts again with the targets after it moved as
far (a chapter grew by a page). After three tries, or when a link's target has no known page, or
when a style sheet sets the page counter itself, the document is laid out the usual way. The
pages are the same either way, and so are the PDF's bytes.
"""

import re
from urllib.parse import unquote

import weasyprint.layout.page


class LinkPages:
    """The page of each internal link's target: known from the last build, and found."""

    TARGET_PAGE = re.compile(r"target-counter\(\s*attr\(\s*href\s*\)\s*,\s*page\s*\)")
    PAGE_COUNTER = re.compile(r"counter-(?:reset|increment|set)\s*:[^;}]*\bpage\b")
    ATTRIBUTE = "data-cadre-page"

    def __init__(self, known):
        self.known = dict(known or {})
        self.links = []
        self.counted = True  # false once a style sheet sets the page counter itself
        self.checked = set()  # targets already met during the layout

    def attach(self, html):
        """Finds the document's links; when every target has a known page, writes it on its
        links and in its <style> elements, and says so."""
        self.links = [(element, unquote(element.get("href")[1:])) for element in html.etree_element.iter("a")
                      if len(element.get("href") or "") > 1 and element.get("href").startswith("#")]
        if not self.known or not self.links or any(target not in self.known for _, target in self.links):
            return False
        for element, target in self.links:
            element.set(self.ATTRIBUTE, str(self.known[target]))
        for style in html.etree_element.iter("style"):
            if style.text:
                style.text = self.rewrite(style.text)
        return True

    def rewrite(self, css):
        if self.PAGE_COUNTER.search(css):
            self.counted = False
        return self.TARGET_PAGE.sub(f"attr({self.ATTRIBUTE})", css)

    def check(self, page, number):
        """Stops the layout at the first target laid out on another page than its known one."""
        for box in page.descendants(placeholders=True):
            anchor = box.style["anchor"]
            if anchor in self.known and anchor not in self.checked:
                self.checked.add(anchor)
                if self.known[anchor] != number:
                    raise Moved(self.moved(anchor, number))

    def moved(self, anchor, number):
        """The known pages, the targets not met yet that came after `anchor` moved as it did."""
        shift, start = number - self.known[anchor], self.known[anchor]
        return {name: page + shift if name not in self.checked and page >= start else page
                for name, page in self.known.items()} | {anchor: number}

    def found(self, document):
        """The page (from 1) of every link's target in the laid-out document."""
        return pages_of(document, {target for _, target in self.links})

    def confirmed(self, document):
        return self.counted and self.found(document) == {target: self.known[target] for _, target in self.links}


def pages_of(document, anchors):
    """The page (from 1) where each of `anchors` first appears in the laid-out document."""
    pages = {}
    for number, page in enumerate(document.pages, start=1):
        for name in page.anchors:
            if name in anchors and name not in pages:
                pages[name] = number
    return pages


class Moved(Exception):
    """A link's target is not on its known page: the layout stops there."""

    def __init__(self, guess):
        super().__init__("page de renvoi déplacée")
        self.guess = guess


def lay_out(prepare, known, retried):
    """The laid-out document and its links. `prepare(rewrite)` gives the HTML and a function that
    lays it out, its style sheets' text passed through `rewrite`; `retried()` forgets what a
    refused attempt reported."""
    global _watched
    for _ in range(3):
        if not known:
            break
        links = LinkPages(known)
        html, render = prepare(links.rewrite)
        if not links.attach(html):
            retried()
            break
        _watched = links
        try:
            document = render()
        except Moved as moved:
            known = moved.guess
            retried()
            continue
        finally:
            _watched = None
        if links.confirmed(document):
            return document, links
        known = links.found(document) if links.counted else None
        document = None  # one laid-out document in memory at a time
        retried()
    links = LinkPages(None)
    html, render = prepare(None)
    links.attach(html)
    return render(), links


# MARK: - WeasyPrint's page maker, watched

_watched = None  # the LinkPages whose known pages the layout being made must keep
_remake_page = weasyprint.layout.page.remake_page


def _checked_remake_page(index, context, root_box, html):
    page, resume_at = _remake_page(index, context, root_box, html)
    if _watched is not None:
        _watched.check(page, index + 1)
    return page, resume_at


weasyprint.layout.page.remake_page = _checked_remake_page
