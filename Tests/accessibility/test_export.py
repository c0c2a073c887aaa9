"""`cadre export`: the layout provider's package read with the tools a layout provider's
side would use — every XML part well-formed (lxml), the IDML opened by simpleidml and
imported by Scribus 1.5 (headless, under Xvfb) into a PDF of the proof's page count that
shows every chapter title, every story saying what the chapter's HTML says."""

import io
import json
import os
import re
import shutil
import subprocess
import unicodedata
import zipfile

import lxml.etree as etree
import lxml.html
import pikepdf
import pytest

from conftest import REPOSITORY, cadre_binary

PUBLICATIONS = ("plaquette", "guide")


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """Each publication exported once into a temporary Output/: {name: (folder, zip)}."""
    folder = tmp_path_factory.mktemp("Output")
    packages = {}
    for name in PUBLICATIONS:
        result = subprocess.run([str(cadre_binary()), "export", name, "--root", str(REPOSITORY), "--output", str(folder)],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        packages[name] = (folder / name, zipfile.ZipFile(folder / name / f"{name}-maquette.zip"))
    return packages


def manifest(package):
    return json.loads(package.read("manifest.json"))


def idml(package, name):
    return zipfile.ZipFile(io.BytesIO(package.read(f"{name}.idml")))


def squeezed(text):
    """The text without the white space a layout changes (spaces, line ends, tabs, forced
    line breaks); no-break spaces are kept: the typography pass set them."""
    return re.sub(r"[ \t\n\r\u2028]+", "", text)


def story_text(story):
    """A story's text in reading order: each footnote's call is its number, the notes follow
    the text (as the HTML writes them at the chapter's end); the chapter number is left out
    (the HTML writes it as « Chapitre 3 » or « 3 » depending on the layout), and so are the
    numbers a story adds after a cross-reference (print adds the page there, by CSS)."""
    main, notes, count = [], [], [0]

    def walk(element, into):
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "ParagraphStyleRange" and child.get("AppliedParagraphStyle") == "ParagraphStyle/chapitre-numero":
                continue
            if child.get("AppliedCharacterStyle") == "CharacterStyle/renvoi-numero":
                continue  # a cross-reference's target number, where print adds its page
            if child.tag == "Content":
                into.append(child.text or "")
                into.extend(grandchild.tail or "" for grandchild in child)
            elif child.tag == "Br":
                into.append("\n")
            elif child.tag == "Footnote":
                count[0] += 1
                into.append(str(count[0]))
                walk(child, notes)
            else:
                walk(child, into)

    walk(story, main)
    return "".join(main) + "".join(notes)


def html_chapters(folder):
    """Each chapter's text in the print page, without what a story does not hold: the
    schemas' SVG (their files are figures/), the chapter number, the notes' back links."""
    page = lxml.html.parse(str(folder / "impression.html")).getroot()
    sections = page.xpath('//section[contains(concat(" ", normalize-space(@class), " "), " chapitre ")]')
    texts = []
    for section in sections:
        for element in section.xpath('.//svg | .//*[contains(concat(" ", normalize-space(@class), " "), " chapitre-numero ")]'
                                     ' | .//a[contains(@class, "footnote-backref")]'):
            element.drop_tree()  # keeps the text that follows it
        texts.append(section.text_content())
    return texts


@pytest.mark.parametrize("name", PUBLICATIONS)
def test_every_icml_and_idml_xml_part_is_well_formed(exported, name):
    _, package = exported[name]
    parts = [(path, package.read(path)) for path in package.namelist() if path.endswith(".icml")]
    document = idml(package, name)
    parts += [(path, document.read(path)) for path in document.namelist() if path.endswith(".xml")]
    assert len(parts) > len(manifest(package)["chapitres"])
    for path, data in parts:
        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))  # raises if ill-formed


@pytest.mark.parametrize("name", PUBLICATIONS)
def test_simpleidml_opens_the_idml(exported, name, tmp_path):
    from simple_idml.idml import IDMLPackage

    _, package = exported[name]
    path = tmp_path / f"{name}.idml"
    path.write_bytes(package.read(f"{name}.idml"))
    info = manifest(package)
    with IDMLPackage(str(path)) as document:
        assert len(document.spreads) == info["pagination"]["pages"]
        stories = {os.path.basename(story) for story in document.stories}
        for chapter in info["chapitres"]:
            assert f"Story_{chapter['histoire']}.xml" in stories
        assert document.font_families, "aucune police déclarée"


@pytest.mark.parametrize("name", PUBLICATIONS)
def test_each_story_says_what_the_chapter_html_says(exported, name):
    folder, package = exported[name]
    info = manifest(package)
    html = html_chapters(folder)
    assert len(html) == len(info["chapitres"])
    document = idml(package, name)
    for chapter, expected in zip(info["chapitres"], html):
        icml = etree.fromstring(package.read(chapter["icml"]))
        placed = etree.fromstring(document.read(f"Stories/Story_{chapter['histoire']}.xml"))
        for story in (icml.find("Story"), placed.find("Story")):
            assert squeezed(story_text(story)) == squeezed(expected), chapter["fichier"]


@pytest.mark.parametrize("name", PUBLICATIONS)
def test_figures_are_vector_svg_and_pdf_named_after_their_figure(exported, name):
    _, package = exported[name]
    info = manifest(package)
    for figure in info["figures"]:
        assert figure["svg"] == f"figures/{figure['id']}.svg"
        svg = etree.fromstring(package.read(figure["svg"]))
        assert svg.tag.endswith("svg")
        with pikepdf.open(io.BytesIO(package.read(figure["pdf"]))) as pdf:
            assert len(pdf.pages) == 1
            images = [key for key, value in pdf.pages[0].resources.get("/XObject", {}).items() if value.get("/Subtype") == "/Image"]
            assert not images, f"{figure['pdf']} contient une image matricielle"
    if name == "guide":
        assert info["figures"], "le guide a des schémas"


@pytest.mark.parametrize("name", PUBLICATIONS)
def test_the_proof_is_the_print_pdf(exported, name):
    folder, package = exported[name]
    assert package.read(f"{name}-epreuve.pdf") == (folder / f"{name}.pdf").read_bytes()
    readme = package.read("LISEZMOI.txt").decode("utf-8")
    assert "Quand le texte change" in readme and ".icml" in readme


def test_the_same_sources_give_the_same_package(exported, tmp_path):
    folder, _ = exported["plaquette"]
    subprocess.run([str(cadre_binary()), "export", "plaquette", "--root", str(REPOSITORY), "--output", str(tmp_path)],
                   check=True, capture_output=True)
    again = (tmp_path / "plaquette" / "plaquette-maquette.zip").read_bytes()
    assert again == (folder / "plaquette-maquette.zip").read_bytes()


@pytest.mark.parametrize("name", PUBLICATIONS)
def test_scribus_imports_the_idml_and_prints_every_chapter(exported, name, tmp_path):
    if not shutil.which("scribus") or not shutil.which("xvfb-run"):
        pytest.fail("Scribus ou xvfb-run manque : lancez `scripts/setup --test`")
    _, package = exported[name]
    info = manifest(package)
    source = tmp_path / name
    package.extractall(source)
    pdf, pages = tmp_path / f"{name}-scribus.pdf", tmp_path / "pages.txt"
    environment = dict(os.environ, CADRE_IDML=str(source / f"{name}.idml"), CADRE_PDF=str(pdf), CADRE_PAGES=str(pages),
                       HOME=str(tmp_path))  # a fresh Scribus profile: no dialog from an earlier run
    script = REPOSITORY / "Tests" / "accessibility" / "scribus_export_pdf.py"
    subprocess.run(["xvfb-run", "-a", "scribus", "-g", "-ns", "-py", str(script)], env=environment,
                   capture_output=True, timeout=600, cwd=source)
    error = pdf.with_name(pdf.name + ".erreur")
    assert not error.exists(), error.read_text(encoding="utf-8")
    assert pdf.exists(), "Scribus n'a pas écrit de PDF"
    with pikepdf.open(pdf) as document:
        assert len(document.pages) == info["pagination"]["pages"]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    # Compatibility forms: Lato's ligatures (ﬁ) come out of the PDF as one character, and its
    # one glyph for U+002D and U+2010 as U+2010 (see Templates/assets/charte.css).
    def flat(value):
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).replace("\u2010", "-")
    for chapter in info["chapitres"]:
        assert flat(chapter["titre"]) in flat(text), f"titre absent du PDF de Scribus : {chapter['titre']}"
