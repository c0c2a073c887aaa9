"""The PDFs' text layer (copy-paste, search, screen readers) keeps what the HTML says: the
French no-break spaces in every font, and URLs character for character."""

import re

import pikepdf

from pdf_text import text_runs


def tagged_pdfs(output):
    return [output / "guide" / "guide.pdf", output / "plaquette" / "plaquette-ecran.pdf",
            *sorted(output.glob("strategies/*/*.pdf"))]


def test_the_no_break_space_before_a_colon_survives_in_every_font(output):
    """Lato draws U+00A0 with its space glyph, and a PDF maps a glyph back to one character:
    the print style sheets set the sans-serif in Cadre Sans, Lato with a glyph of its own for
    U+00A0 (built by scripts/setup, declared by the PDF engine)."""
    lost = {}
    for pdf in tagged_pdfs(output):
        for font, text in text_runs(pdf):
            family = font.split("+")[-1]
            if " :" in text:
                lost.setdefault(pdf.name, set()).add(family)
    assert not lost, f"espace avant « : » devenue espace simple, par police : {lost}"


def test_urls_in_the_pdf_read_as_in_the_html(output):
    """Each link's address, when it is also its text, comes out of the PDF unchanged: no
    U+2010 for a hyphen, no hyphenation inside it."""
    checked = 0
    for pdf in tagged_pdfs(output):
        text = "".join(run for _, run in text_runs(pdf))
        squeezed = re.sub(r"\s+", "", text)
        with pikepdf.open(pdf) as document:
            uris = {str(a.A.URI) for page in document.pages for a in page.get("/Annots", [])
                    if a.get("/A") is not None and "/URI" in a.A}
        for uri in uris:
            shown = uri.split("://", 1)[-1].rstrip("/")
            if shown.split("/")[0] in squeezed.replace("\u2010", "-"):  # the address is written out
                checked += 1
                assert shown in squeezed, f"{pdf.name} : {uri} illisible dans le texte du PDF"
    assert checked, "aucune adresse écrite en toutes lettres dans les PDF"


def test_no_hyphen_of_a_compound_word_set_in_lato_becomes_u2010(output):
    """A hyphen the text has (mi-parcours, Cités-Unies) stays U+002D in Lato as in Charis."""
    for pdf in tagged_pdfs(output):
        for font, text in text_runs(pdf):
            assert not re.search(r"\w\u2010\w", text), f"{pdf.name} ({font}) : {text!r}"
