"""PDF/UA structure of the tagged PDFs (guide, screen plaquette, strategy documents), read with
pikepdf as a screen reader would walk it (veraPDF is not installable here)."""

import pikepdf
import pytest


def tagged_pdfs(output):
    pdfs = [output / "guide" / "guide.pdf", output / "plaquette" / "plaquette-ecran.pdf"]
    return pdfs + sorted(output.glob("strategies/*/*.pdf"))


def elements(root):
    """Every structure element under the root, parents before children."""
    stack = [root]
    while stack:
        element = stack.pop()
        kids = element.get("/K")
        kids = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
        yield element, kids
        stack.extend(reversed([k for k in kids if isinstance(k, pikepdf.Dictionary) and "/S" in k]))


@pytest.fixture(scope="module")
def documents(output):
    opened = {pdf.relative_to(output).as_posix(): pikepdf.open(pdf) for pdf in tagged_pdfs(output)}
    yield opened
    for pdf in opened.values():
        pdf.close()


def tree(pdf):
    return list(elements(pdf.Root.StructTreeRoot.K[0]))


def test_every_table_header_has_a_scope(documents):
    missing = {name: sum(1 for e, _ in tree(pdf) if e.S == "/TH" and "/Scope" not in e.get("/A", {}))
               for name, pdf in documents.items()}
    assert not any(missing.values()), f"TH sans /Scope : {missing}"


def test_every_cell_names_headers_that_exist(documents):
    """A table continued on a new page still names its headers (the first page's)."""
    for name, pdf in documents.items():
        ids = {bytes(e.ID) for e, _ in tree(pdf) if "/ID" in e}
        named = [bytes(h) for e, _ in tree(pdf) if isinstance(e.get("/A"), pikepdf.Dictionary)
                 for h in e.A.get("/Headers", [])]
        has_tables = any(e.S == "/TH" for e, _ in tree(pdf))
        assert (named or not has_tables) and all(h in ids for h in named), name


def test_every_link_annotation_sits_in_a_link_element(documents):
    bad = {}
    for name, pdf in documents.items():
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        in_links = {k.Obj.objgen for e, kids in tree(pdf) if e.S == "/Link"
                    for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR"}
        for page in pdf.pages:
            for annotation in page.get("/Annots", []):
                if annotation.get("/Subtype") != "/Link":
                    continue
                parent = parents.get(int(annotation.get("/StructParent", -1)))
                if annotation.objgen not in in_links or parent is None or parent.get("/S") != "/Link":
                    bad[name] = bad.get(name, 0) + 1
    assert not bad, f"annotations de lien hors d'un élément Link : {bad}"


def test_all_marked_content_is_in_the_tree_or_an_artifact(documents):
    """Running heads and folios are artifacts; nothing is marked yet outside the tree."""
    bad = {}
    for name, pdf in documents.items():
        reachable = {e.objgen for e, _ in tree(pdf)}
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        artifacts = 0
        for number, page in enumerate(pdf.pages):
            mapping = parents.get(number, [])
            for instruction in pikepdf.parse_content_stream(page):
                if str(instruction.operator) not in ("BDC", "BMC"):
                    continue
                tag = str(instruction.operands[0])
                if tag == "/Artifact":
                    artifacts += 1
                    continue
                properties = instruction.operands[1] if len(instruction.operands) > 1 else None
                mcid = int(properties.MCID) if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties else None
                element = mapping[mcid] if mcid is not None and mcid < len(mapping) else None
                if not isinstance(element, pikepdf.Dictionary) or element.objgen not in reachable:
                    bad[name] = bad.get(name, 0) + 1
        assert artifacts > 0 or len(pdf.pages) < 2, f"{name} : aucun titre courant ni folio en artefact"
    assert not bad, f"contenu marqué hors de l'arbre de structure : {bad}"


def test_no_heading_inside_a_heading(documents):
    nested = {name: sum(1 for e, kids in tree(pdf) if str(e.S)[:2] == "/H"
                        for k in kids if isinstance(k, pikepdf.Dictionary) and str(k.get("/S", ""))[:2] == "/H")
              for name, pdf in documents.items()}
    assert not any(nested.values()), f"titres dans un titre : {nested}"


def source_html(output, name):
    """The HTML page a PDF was printed from (a strategy document's, its draft délibération's,
    or a publication's print page)."""
    folder = (output / name).parent
    if name.endswith("-deliberation.pdf"):
        page = "deliberation.html"
    else:
        page = "index.html" if name.startswith("strategies/") else "impression.html"
    return (folder / page).read_text(encoding="utf-8")


def test_one_section_per_chapter(output, documents):
    """A chapter is one Sect whatever its length in pages: as many Sect as HTML sections."""
    for name, pdf in documents.items():
        sections = sum(1 for e, _ in tree(pdf) if e.S == "/Sect")
        assert sections == source_html(output, name).count("<section"), name


def test_a_table_broken_across_pages_is_one_table_with_its_caption(output, documents):
    for name, pdf in documents.items():
        html = source_html(output, name)
        tables = [e for e, _ in tree(pdf) if e.S == "/Table"]
        captions = sum(1 for t in tables for e, _ in elements(t) if e.get("/S") == "/Caption")
        assert (len(tables), captions) == (html.count("<table"), html.count("<caption")), name


def test_every_figure_has_alternative_text(documents):
    missing = {name: sum(1 for e, _ in tree(pdf) if e.S == "/Figure" and not str(e.get("/Alt", "")).strip())
               for name, pdf in documents.items()}
    assert not any(missing.values()), f"figures sans texte de remplacement : {missing}"


def test_the_printers_plaquette_stays_pdf_x4_untouched(output):
    with pikepdf.open(output / "plaquette" / "plaquette.pdf") as pdf:
        assert b"<pdfx:GTS_PDFXVersion>PDF/X-4</pdfx:GTS_PDFXVersion>" in pdf.Root.Metadata.read_bytes()
        assert "/StructTreeRoot" not in pdf.Root
        assert all("/TrimBox" in page.obj for page in pdf.pages)


def test_the_repaired_pdfs_are_deterministic(output, tmp_path):
    """Two builds of the same input give the same bytes, repairs included."""
    from conftest import REPOSITORY, cadre_binary
    import subprocess
    subprocess.run([str(cadre_binary()), "strategie", str(REPOSITORY / "Content" / "collectivites" / "valmont.yml"), "--format", "pdf",
                    "--root", str(REPOSITORY), "--output", str(tmp_path)], check=True, capture_output=True)
    again = (tmp_path / "strategies" / "valmont" / "valmont.pdf").read_bytes()
    assert again == (output / "strategies" / "valmont" / "valmont.pdf").read_bytes()


def test_a_charts_alternative_text_gives_its_data(output, documents):
    """The Alt of a chart is its SVG title and description (the figures, not only a title)."""
    import html as entities
    import re
    for name, pdf in documents.items():
        descriptions = [" ".join(entities.unescape(d).split())
                        for d in re.findall(r"<desc[^>]*>(.*?)</desc>", source_html(output, name), re.S)]
        alts = [str(e.Alt) for e, _ in tree(pdf) if e.S == "/Figure" and "/Alt" in e]
        for description in descriptions:
            assert any(description in alt for alt in alts), f"{name} : {description[:60]}…"


def test_the_cover_and_the_contents_stay_apart(documents):
    """Parts of different HTML elements are never merged: a strategy document starts with its
    cover, then its table of contents, then the chapters, as in the HTML."""
    for name, pdf in documents.items():
        if not name.startswith("strategies/") or name.endswith("-deliberation.pdf"):
            continue
        top = [e for e in pdf.Root.StructTreeRoot.K[0].K]
        assert [str(e.S) for e in top][-1] == "/Part" and len(top) == 3, f"{name} : {[str(e.S) for e in top]}"
