"""The printer's plaquette as a prepress preflight reads it: a PDF/X-4 with its output intent
(a CMYK profile), CMYK colour only, MediaBox ⊋ BleedBox ⊋ TrimBox on every page and the marks
in the slug, outside the bleed; the screen version stays a tagged PDF/UA."""

import pikepdf
import pytest


@pytest.fixture(scope="module")
def printer(output):
    with pikepdf.open(output / "plaquette" / "plaquette.pdf") as pdf:
        yield pdf


def content_streams(pdf):
    """(where, instructions) of every page and of every form XObject or tiling pattern they use."""
    seen = set()

    def nested(resources, where):
        if not isinstance(resources, pikepdf.Dictionary):
            return
        for category in ("/XObject", "/Pattern"):
            for name, item in (resources.get(category) or {}).items():
                if isinstance(item, pikepdf.Stream) and item.objgen not in seen and \
                        (item.get("/Subtype") == "/Form" or item.get("/PatternType") == 1):
                    seen.add(item.objgen)
                    yield f"{where} {name}", pikepdf.parse_content_stream(item)
                    yield from nested(item.get("/Resources"), f"{where} {name}")

    for number, page in enumerate(pdf.pages, start=1):
        yield f"page {number}", pikepdf.parse_content_stream(page)
        yield from nested(page.obj.get("/Resources"), f"page {number}")


def test_the_output_intent_is_gts_pdfx_with_an_embedded_cmyk_profile(printer):
    intents = [i for i in printer.Root.get("/OutputIntents", []) if i.get("/S") == "/GTS_PDFX"]
    assert len(intents) == 1, "une seule intention de sortie /GTS_PDFX"
    intent = intents[0]
    assert str(intent.OutputConditionIdentifier) == "FOGRA39"
    assert str(intent.RegistryName) == "http://www.color.org"
    profile = intent.DestOutputProfile
    assert isinstance(profile, pikepdf.Stream) and int(profile.N) == 4
    header = profile.read_bytes()[:20]
    assert header[12:16] == b"prtr" and header[16:20] == b"CMYK", "profil d'impression CMJN"
    assert b"<pdfx:GTS_PDFXVersion>PDF/X-4</pdfx:GTS_PDFXVersion>" in printer.Root.Metadata.read_bytes()


def test_no_page_content_draws_in_rgb(printer):
    found = []
    for where, instructions in content_streams(printer):
        operators = {str(i.operator) for i in instructions}
        found += [f"{where} : {op}" for op in ("rg", "RG") if op in operators]
        found += [f"{where} : {i.operands[0]} {i.operator}" for i in instructions
                  if str(i.operator) in ("cs", "CS") and i.operands[0] == pikepdf.Name.DeviceRGB]
    assert not found, f"couleurs RVB dans le PDF de l'imprimeur : {found[:10]}"


def test_no_object_is_in_device_rgb(printer):
    """Images, shadings and transparency groups: none in DeviceRGB either."""
    rgb = [repr(obj.get("/Type") or obj.get("/Subtype")) for obj in printer.objects
           if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream))
           and any(obj.get(key) == pikepdf.Name.DeviceRGB for key in ("/ColorSpace", "/CS"))]
    assert not rgb, f"objets en DeviceRGB : {rgb}"


def box(page, name):
    return [float(v) for v in page.obj[name]]


def strictly_inside(inner, outer):
    return inner[0] > outer[0] and inner[1] > outer[1] and inner[2] < outer[2] and inner[3] < outer[3]


def test_media_box_contains_bleed_box_contains_trim_box_on_every_page(printer):
    for number, page in enumerate(printer.pages, start=1):
        media, bleed, trim = box(page, "/MediaBox"), box(page, "/BleedBox"), box(page, "/TrimBox")
        assert strictly_inside(trim, bleed), f"page {number} : TrimBox {trim} hors de BleedBox {bleed}"
        assert strictly_inside(bleed, media), f"page {number} : BleedBox {bleed} hors de MediaBox {media}"
        assert round(trim[0] - bleed[0], 1) == 8.5, "3 mm de fond perdu (publication.yml)"


def test_crop_and_bleed_marks_are_in_the_slug_outside_the_bleed(printer):
    for number, page in enumerate(printer.pages, start=1):
        media, bleed, trim = box(page, "/MediaBox"), box(page, "/BleedBox"), box(page, "/TrimBox")
        segments, point, registration = [], None, False
        for instruction in pikepdf.parse_content_stream(page):
            operator = str(instruction.operator)
            if operator == "CS":
                registration = instruction.operands[0] == "/CadreRegistration"
            elif registration and operator == "m":
                point = [float(v) for v in instruction.operands]
            elif registration and operator == "l":
                end = [float(v) for v in instruction.operands]
                segments.append((*point, *end))
        assert segments, f"page {number} : pas de traits de coupe"
        for x1, y1, x2, y2 in segments:
            low_x, high_x, low_y, high_y = min(x1, x2), max(x1, x2), min(y1, y2), max(y1, y2)
            outside_bleed = high_x <= bleed[0] or low_x >= bleed[2] or high_y <= bleed[1] or low_y >= bleed[3]
            assert outside_bleed, f"page {number} : trait ({x1}, {y1})–({x2}, {y2}) dans le fond perdu {bleed}"
            assert media[0] <= low_x and high_x <= media[2] and media[1] <= low_y and high_y <= media[3]
        # A crop mark on each trim line at each corner: one vertical, one horizontal, 8 in all.
        on_trim = [s for s in segments if (s[0] == s[2] and s[0] in (trim[0], trim[2]))
                   or (s[1] == s[3] and s[1] in (trim[1], trim[3]))]
        assert len(on_trim) == 8, f"page {number} : {len(on_trim)} traits de coupe sur les lignes de coupe"


def test_the_printers_pdf_has_no_annotation_in_the_bleed(printer):
    for number, page in enumerate(printer.pages, start=1):
        kinds = [str(a.get("/Subtype")) for a in page.obj.get("/Annots", [])]
        assert all(k in ("/PrinterMark", "/TrapNet") for k in kinds), f"page {number} : {kinds}"


def test_the_screen_version_stays_tagged_pdf_ua(output):
    with pikepdf.open(output / "plaquette" / "plaquette-ecran.pdf") as pdf:
        assert "/StructTreeRoot" in pdf.Root and bool(pdf.Root.MarkInfo.Marked)
        assert b"pdfuaid:part" in pdf.Root.Metadata.read_bytes()
        assert "/OutputIntents" not in pdf.Root
        assert all([round(v) for v in box(page, "/MediaBox")] == [0, 0, 595, 842] for page in pdf.pages), \
            "ni fond perdu ni traits de coupe"


RENDER = """
import sys
sys.path.insert(0, sys.argv[1])
import weasyprint, pdf_structure
from weasyprint.css import ColorProfile
profile = sys.argv[2]
with open(profile, "rb") as file:
    cmyk = ColorProfile(file, profile, "relative-colorimetric", (["c"], ["m"], ["y"], ["k"]))
html = weasyprint.HTML(string='<p style="color: #336699">Texte : <img src="data:image/png;base64,'
    'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7'
    'QOjdAAAAD0lEQVR42mM8IafBwMAAAAX0ARC3QJRhAAAAAElFTkSuQmCC"></p>'
    '<svg width="60" height="30"><rect width="40" height="20" fill="#ff8800" stroke="#000"/></svg>'
    '<div style="height: 1cm; background: linear-gradient(#0b7a75, #142a61, #ffffff)"></div>')
document = html.render(pdf_variant="pdf/x-4", color_profiles={"device-cmyk": cmyk},
                       stylesheets=[weasyprint.CSS(string="@page { bleed: 3mm; marks: none }")])
document.write_pdf(sys.argv[3], pdf_variant="pdf/x-4")
pdf_structure.prepare_for_print(sys.argv[3], {"bleed": 3, "slug": 10, "marks": True, "profile": profile})
"""


def test_images_gradients_and_charts_of_any_publication_come_out_cmyk_or_profiled(tmp_path):
    """What a printer's PDF may hold beyond the plaquette — a PNG, an SVG with inline colours,
    a CSS gradient, text in an RGB colour — leaves no DeviceRGB: vector colours become CMYK, an
    image gets its sRGB profile."""
    import subprocess
    from conftest import REPOSITORY
    python = REPOSITORY / ".venv" / "bin" / "python3"
    profile = REPOSITORY / ".venv" / "cadre" / "FOGRA39.icc"
    assert profile.exists(), "profil de sortie absent : lancez scripts/setup"
    pdf_path = tmp_path / "essai.pdf"
    subprocess.run([str(python), "-I", "-B", "-c", RENDER, str(REPOSITORY / "Sources" / "Cadre" / "Print"), str(profile),
                    str(pdf_path)], check=True, capture_output=True)
    with pikepdf.open(pdf_path) as pdf:
        operators = {str(i.operator) for _, instructions in content_streams(pdf) for i in instructions}
        assert not operators & {"rg", "RG"} and {"k", "K"} <= operators, sorted(operators)
        images = [o for o in pdf.objects if isinstance(o, pikepdf.Stream) and o.get("/Subtype") == "/Image"]
        shadings = [o for o in pdf.objects if isinstance(o, (pikepdf.Dictionary, pikepdf.Stream)) and "/ShadingType" in o]
        assert shadings and all(o.ColorSpace == pikepdf.Name.DeviceCMYK for o in shadings)
        rgb = [o for o in images if o.get("/ColorSpace") != pikepdf.Name.DeviceGray]  # masks are gray
        assert rgb and all(isinstance(o.ColorSpace, pikepdf.Array) and o.ColorSpace[0] == pikepdf.Name.ICCBased
                           and int(o.ColorSpace[1].N) == 3 for o in rgb), [repr(o.get("/ColorSpace"))[:60] for o in rgb]
