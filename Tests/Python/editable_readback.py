"""Reads an ODT (odfdo) and a DOCX (python-docx) back and compares them with the HTML cadre
made from the same document: the text of every heading, paragraph and table cell, in order
(ASCII white space collapsed; no-break spaces are kept, so French typography is checked too),
and the named style of every heading.

    editable_readback.py PAGE.html DOCUMENT.odt DOCUMENT.docx

Prints one line per difference and exits 1 when there is one. Conventions the writers follow
and this script mirrors: footnote calls and bodies are compared apart from the text (a word
processor places the note at its call), the first use of each acronym reads « SIGLE (sens) »,
a task's check box is a ☐ or ☑ before its text.
"""
import re
import sys
from html.parser import HTMLParser

import docx
from odfdo import Document

SPACE = re.compile(r"[ \t\n\r]+")
BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd", "pre", "caption"}


def normal(text):
    return SPACE.sub(" ", text).strip().lstrip("☐☑").strip()


class ChapterText(HTMLParser):
    """The blocks of the `section.chapitre` elements, each block's own text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.headings = [], []
        self.stack = []  # open elements: (tag, classes)
        self.texts = []  # text of each open block
        self.depth_chapter = None
        self.skip = 0
        self.seen = set()
        self.abbr = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag in ("br", "img", "input", "hr", "meta", "link"):
            if tag == "br" and self.texts:
                self.texts[-1] += " "
            return
        self.stack.append((tag, classes))
        if self.depth_chapter is None:
            if tag == "section" and "chapitre" in classes:
                self.depth_chapter = len(self.stack)
            return
        if tag == "abbr":
            self.abbr = attrs.get("title", "")
        if self.skip or (tag == "section" and "footnotes" in classes) or (tag == "sup" and "footnote-ref" in classes) \
                or tag in ("svg", "script", "style") or (tag == "p" and "chapitre-numero" in classes):
            self.skip += 1
            if tag == "p" and "chapitre-numero" in classes:
                self.number_paragraph = True
            return
        if tag in BLOCKS:
            self.texts.append("")

    def handle_endtag(self, tag):
        if not self.stack or tag in ("br", "img", "input", "hr"):
            return
        while self.stack and self.stack[-1][0] != tag:
            self.stack.pop()
        if not self.stack:
            return
        self.stack.pop()
        if self.depth_chapter is None:
            return
        if len(self.stack) < self.depth_chapter:
            self.depth_chapter = None
            return
        if tag == "abbr":
            self.abbr = None
        if self.skip:
            self.skip -= 1
            return
        if tag in BLOCKS:
            text = normal(self.texts.pop())
            if text:
                self.blocks.append(text)
                if tag[0] == "h" and tag[1:].isdigit():
                    self.headings.append(text)

    def handle_data(self, data):
        if self.depth_chapter is None:
            return
        # An acronym's first use may be in a note: the writers expand it there.
        first = self.abbr is not None and data not in self.seen
        if first:
            self.seen.add(data)
        if self.skip or not self.texts:
            return
        self.texts[-1] += data
        if first and self.abbr:
            self.texts[-1] += " (" + self.abbr + ")"


class ChapterNumbers(HTMLParser):
    """`Chapitre 3` paragraphs of the guide's print page: its chapter headings read « 3 Titre »."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.numbers, self.inside, self.text = [], False, ""

    def handle_starttag(self, tag, attrs):
        if tag == "p" and "chapitre-numero" in (dict(attrs).get("class") or ""):
            self.inside, self.text = True, ""

    def handle_endtag(self, tag):
        if self.inside and tag == "p":
            self.inside = False
            self.numbers.append(self.text.replace("Chapitre", "").strip())

    def handle_data(self, data):
        if self.inside:
            self.text += data


def html_blocks(path):
    html = open(path, encoding="utf-8").read()
    parser = ChapterText()
    parser.feed(html)
    blocks, headings = parser.blocks, parser.headings
    # The guide writes « Chapitre 3 » above a title; the word processors write « 3 Titre ».
    chapters = [section for section in re.split(r'<section class="chapitre', html)[1:]]
    numbered = {}
    for section in chapters:
        number = re.search(r'class="chapitre-numero"[^>]*>(?:Chapitre <span>)?(\d+)<', section.split("</header>")[0])
        title = re.search(r"<h1[^>]*>(.*?)</h1>", section, re.S)
        if number and title:
            plain = normal(re.sub(r"<[^>]+>", "", title.group(1)))
            numbered[plain] = number.group(1) + " " + plain
    blocks = [numbered.get(b, b) for b in blocks]
    headings = [numbered.get(h, h) for h in headings]
    return blocks, headings


# ODT --------------------------------------------------------------------------------------

def odt_text(element):
    tag = element.tag
    if tag in ("text:note", "text:note-ref", "text:bookmark", "draw:frame"):
        return element.tail or ""
    text = element.text or ""
    if tag == "text:s":
        text = " " * int(element.get_attribute("text:c") or 1)
    elif tag in ("text:line-break", "text:tab"):
        text = " "
    for child in element.children:
        text += odt_text(child)
    return text + (element.tail or "")


def odt_blocks(path):
    document = Document(path)
    blocks, headings, problems = [], [], []
    started = False
    for element in document.body.get_elements("//text:h | //text:p"):
        if element.get_elements("ancestor::text:note-body") or element.get_elements("ancestor::text:table-of-content"):
            continue
        if element.tag == "text:h":
            level = element.get_attribute("text:outline-level")
            style = element.get_attribute("text:style-name")
            if level == "1":
                started = True
            if style != f"Heading_20_{level}":
                problems.append(f"ODT : le titre « {normal(odt_text(element))} » a le style {style}, pas Heading_20_{level}")
        if not started:
            continue
        own = element.text or ""
        for child in element.children:
            own += odt_text(child)
        text = normal(own)
        if text:
            blocks.append(text)
            if element.tag == "text:h":
                headings.append(text)
    return blocks, headings, problems


# DOCX -------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_paragraph_text(p):
    text = ""
    for run in p.iter(W + "r"):
        style = run.find(W + "rPr/" + W + "rStyle")
        if style is not None and style.get(W + "val") == "Appelnotedebasdep":
            continue
        for child in run:
            if child.tag == W + "t":
                text += child.text or ""
            elif child.tag in (W + "br", W + "tab"):
                text += " "
    return text


def docx_blocks(path):
    document = docx.Document(path)
    blocks, headings, problems = [], [], []
    started = False

    def walk(container):
        nonlocal started
        for child in container.iterchildren():
            if child.tag == W + "p":
                style = child.find(W + "pPr/" + W + "pStyle")
                style_id = style.get(W + "val") if style is not None else "Normal"
                name = document.styles.get_by_id(style_id, docx.enum.style.WD_STYLE_TYPE.PARAGRAPH).name
                is_heading = name.startswith("Heading ")
                if is_heading and name == "Heading 1":
                    started = True
                if not started:
                    continue
                text = normal(docx_paragraph_text(child))
                if text:
                    blocks.append(text)
                    if is_heading:
                        headings.append(text)
            elif child.tag == W + "tbl":
                for row in child.iterchildren(W + "tr"):
                    for cell in row.iterchildren(W + "tc"):
                        walk(cell)

    walk(document.element.body)
    if not any(style.name == "Heading 1" for style in document.styles):
        problems.append("DOCX : pas de style Heading 1 (Titre 1)")
    return blocks, headings, problems


def compare(label, expected, actual, problems):
    if expected == actual:
        return
    for index, (want, got) in enumerate(zip(expected, actual)):
        if want != got:
            problems.append(f"{label} : bloc {index + 1} diffère\n  HTML : {want[:300]!r}\n  {label}  : {got[:300]!r}")
            return
    problems.append(f"{label} : {len(actual)} blocs au lieu de {len(expected)} ; premier en trop ou manquant : "
                    f"{(actual[len(expected):] or expected[len(actual):])[0][:300]!r}")


def main():
    html, odt, docx_path = sys.argv[1:4]
    expected, expected_headings = html_blocks(html)
    problems = []
    odt_found, odt_headings, odt_problems = odt_blocks(odt)
    docx_found, docx_headings, docx_problems = docx_blocks(docx_path)
    problems += odt_problems + docx_problems
    compare("ODT", expected, odt_found, problems)
    compare("DOCX", expected, docx_found, problems)
    compare("ODT (titres)", expected_headings, odt_headings, problems)
    compare("DOCX (titres)", expected_headings, docx_headings, problems)
    print(f"{len(expected)} blocs, {len(expected_headings)} titres")
    for problem in problems:
        print(problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
