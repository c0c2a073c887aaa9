"""PDF/UA structure repairs of WeasyPrint 70's tagged PDFs, and the printer's finish of its PDF/X-4
(`prepare_for_print`, at the end of this file), made with pikepdf after it writes.

WeasyPrint builds the structure tree page by page and leaves some of it out. Importing this
module wraps its tree builder so that every structure element it makes names the HTML element
it comes from (a private key, removed again before saving); `finish(path, variant)` then
rewrites a tagged PDF:

- one structure element per HTML element: a chapter (Sect) or a table broken over pages was
  one element per page; merged, a table keeps its caption on every page it spans;
- a table head repeated on a continuation page is an artifact, read once;
- an element nested in one from the same HTML element (an anonymous box: an H1 inside the
  cover's H1) is unwrapped into it;
- a chart's Alt gives its data: the SVG's <desc> after its <title> (WeasyPrint takes the title);
- every TH carries /Scope (Row or Column, from the HTML scope attribute);
- every link annotation's OBJR sits in a Link element (WeasyPrint puts some under a Span);
- running heads and folios (page-margin boxes), whose marked content is in no element, become
  pagination artifacts.

Same input, same bytes: no dates, random ids or dictionary order enter what is written.
"""

import re
import zlib

import pikepdf
import pydyf
from weasyprint.pdf import tags as _weasyprint_tags

_KEY = "/CadreElement"
_SCOPE = "/CadreScope"
_element_keys = {}  # id(HTML element) -> (element, key); the element is kept so its id stays its own
_build_box_tree = _weasyprint_tags._build_box_tree
_SVG = "{http://www.w3.org/2000/svg}"


def _chart_description(svg):
    """The SVG's own title and description, one line: what a reader of the chart learns."""
    parts = []
    for tag in ("title", "desc"):
        child = svg.find(_SVG + tag)
        if child is not None:
            text = " ".join("".join(child.itertext()).split())
            if text:
                parts.append(text if text[-1] in ".!?" else text + ".")
    return " ".join(parts)


def _tracked_build_box_tree(box, parent, pdf, page_number, nums, annotations, tags):
    """WeasyPrint's builder, each element it yields marked with the HTML element of its box."""
    source = getattr(box, "_box", box)  # absolute placeholders wrap the real box
    for element in _build_box_tree(box, parent, pdf, page_number, nums, annotations, tags):
        html = getattr(source, "element", None)
        # The builder passes the elements of the page, html and body boxes' children through:
        # an element is marked by the first (innermost) call, the one for its own box.
        if html is not None and _KEY[1:] not in element:
            key = _element_keys.setdefault(id(html), (html, len(_element_keys)))[1]
            element[_KEY[1:]] = key
            if element.get("S") == "/Figure" and html.tag == _SVG + "svg" and _chart_description(html):
                element["Alt"] = pydyf.String(_chart_description(html))
            if getattr(source, "element_tag", None) == "th":
                element[_SCOPE[1:]] = "/" + ("Row" if html.get("scope") in ("row", "rowgroup") else "Column")
        yield element


_weasyprint_tags._build_box_tree = _tracked_build_box_tree


def finish(path, variant):
    """Repairs the structure of the tagged PDF at `path` in place; other variants are left as
    they are (the plaquette's PDF/X-4 is not tagged)."""
    _element_keys.clear()
    if variant != "pdf/ua-1":
        return
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        if root is not None:
            _Repair(pdf, root).run()
        pdf.save(path, deterministic_id=True, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)


def _is_element(item):
    return isinstance(item, pikepdf.Dictionary) and item.get("/Type") not in ("/MCR", "/OBJR") and "/S" in item


def _kids(element):
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


#: A marked-content sequence as WeasyPrint (pydyf) writes it: `/Span\n<</MCID 3>>\nBDC`.
_MARKED = re.compile(rb"^/[^\s/<>\[\]()%{}]+\n<</MCID (\d+)>>\nBDC$", re.MULTILINE)
_ARTIFACT = b"/Artifact\n<</Type /Pagination>>\nBDC"


def _as_artifacts(page, mcids):
    """The page's content with the marked content of `mcids` turned into pagination artifacts.
    WeasyPrint's own lines are rewritten in place (parsing and rewriting the whole stream took
    half a second on the guide); content written some other way is parsed."""
    contents = page.obj.get("/Contents")
    if isinstance(contents, pikepdf.Stream):
        found = set()

        def artifact(match):
            mcid = int(match.group(1))
            if mcid not in mcids:
                return match.group(0)
            found.add(mcid)
            return _ARTIFACT
        data = _MARKED.sub(artifact, contents.read_bytes())
        if found == mcids:
            return data
    instructions = pikepdf.parse_content_stream(page)
    for position, instruction in enumerate(instructions):
        if str(instruction.operator) != "BDC":
            continue
        operands = instruction.operands
        if len(operands) == 2 and isinstance(operands[1], pikepdf.Dictionary) and "/MCID" in operands[1] \
                and int(operands[1].MCID) in mcids:
            instructions[position] = pikepdf.ContentStreamInstruction(
                [pikepdf.Name.Artifact, pikepdf.Dictionary(Type=pikepdf.Name.Pagination)], pikepdf.Operator("BDC"))
    return pikepdf.unparse_content_stream(instructions)


class _Repair:
    """One pass over one tagged PDF: merges, moves, artifacts, then the private keys out."""

    def __init__(self, pdf, root):
        self.pdf = pdf
        self.root = root
        self.replaced = {}  # objgen of a removed element -> the element that took its content
        self.header_ids = {}  # ID of a repeated table head's TH -> ID of the first head's TH

    def run(self):
        for top in _kids(self.root):
            if _is_element(top):
                self.merge(top)
        self.move_link_annotations()
        self.update_parent_tree()
        self.mark_artifacts()
        self.clean(self.root)

    # MARK: - merging the parts of one HTML element

    def adopt(self, target, source_element, items):
        """Items of `source_element`'s /K, rewritten to live under `target`."""
        adopted = []
        for item in items:
            if isinstance(item, int):
                page = source_element.get("/Pg")
                if page is not None and target.get("/Pg") is not None and page.objgen != target.Pg.objgen:
                    item = self.pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.MCR, Pg=page, MCID=int(item)))
            elif _is_element(item):
                item.P = target
            adopted.append(item)
        return adopted

    def merge(self, element):
        kids = _kids(element)
        merged = []
        for kid in kids:
            if _is_element(kid) and _KEY in kid:
                if kid.get("/S") == element.get("/S") and kid[_KEY] == element.get(_KEY):
                    # An anonymous box of the same HTML element: unwrap it.
                    merged.extend(self.adopt(element, kid, _kids(kid)))
                    self.replaced[kid.objgen] = element
                    continue
                previous = merged[-1] if merged else None
                if (previous is not None and _is_element(previous) and previous.get(_KEY) == kid[_KEY]
                        and previous.get("/S") == kid.get("/S")):
                    # The same HTML element continued on the next page.
                    previous.K = pikepdf.Array(_kids(previous) + self.adopt(previous, kid, _kids(kid)))
                    self.replaced[kid.objgen] = previous
                    continue
            if (_is_element(kid) and kid.get("/S") in ("/THead", "/TFoot")
                    and any(_is_element(m) and m.get(_KEY) == kid.get(_KEY) for m in merged)):
                # A table's head repeated on a continuation page: read once, the copy is an
                # artifact (its marked content leaves the tree, see mark_artifacts). The cells
                # of the continuation name the copy's headers: they name the first ones.
                first = next(m for m in merged if _is_element(m) and m.get(_KEY) == kid.get(_KEY))
                for copy, original in zip(self.headers(kid), self.headers(first)):
                    if "/ID" in copy and "/ID" in original:
                        self.header_ids[bytes(copy.ID)] = original.ID
                continue
            merged.append(kid)
        if merged != kids or not isinstance(element.get("/K"), pikepdf.Array):
            element.K = pikepdf.Array(merged)
        for kid in merged:
            if _is_element(kid):
                self.merge(kid)
        # Unwrapping may have brought same-element kids side by side: merge once more.
        if any(_is_element(k) and _KEY in k and k[_KEY] == element.get(_KEY) and k.S == element.S for k in _kids(element)):
            self.merge(element)

    @staticmethod
    def headers(element):
        """The TH elements under `element`, in reading order."""
        found = []
        for kid in _kids(element):
            if _is_element(kid):
                found.extend([kid] if kid.get("/S") == "/TH" else _Repair.headers(kid))
        return found

    def resolve(self, element):
        while element is not None and element.objgen in self.replaced:
            element = self.replaced[element.objgen]
        return element

    # MARK: - link annotations

    def move_link_annotations(self):
        """Puts each OBJR of a link annotation into the nearest Link element above it."""
        def visit(element, links):
            links = links + [element] if element.get("/S") == "/Link" else links
            kept = []
            moved = False
            for item in _kids(element):
                if (isinstance(item, pikepdf.Dictionary) and item.get("/Type") == "/OBJR"
                        and element.get("/S") != "/Link" and item.Obj.get("/Subtype") == "/Link"):
                    if links:
                        links[-1].K = pikepdf.Array(_kids(links[-1]) + [item])
                        self.link_parent[item.Obj.objgen] = links[-1]
                    else:
                        link = self.pdf.make_indirect(pikepdf.Dictionary(
                            Type=pikepdf.Name.StructElem, S=pikepdf.Name.Link, P=element,
                            K=pikepdf.Array([item])))
                        if "/Pg" in element:
                            link.Pg = element.Pg
                        kept.append(link)
                        self.link_parent[item.Obj.objgen] = link
                    moved = True
                    continue
                kept.append(item)
                if _is_element(item):
                    visit(item, links)
            if moved:
                element.K = pikepdf.Array(kept)

        self.link_parent = {}
        for top in _kids(self.root):
            if _is_element(top):
                visit(top, [])

    # MARK: - parent tree and artifacts

    def update_parent_tree(self):
        nums = self.root.ParentTree.Nums
        annotation_parent = {}
        for page in self.pdf.pages:
            for annotation in page.get("/Annots", []):
                if "/StructParent" in annotation:
                    annotation_parent[int(annotation.StructParent)] = annotation.objgen
        for index in range(1, len(nums), 2):
            value = nums[index]
            if isinstance(value, pikepdf.Array):
                for position, element in enumerate(value):
                    if isinstance(element, pikepdf.Dictionary):
                        resolved = self.resolve(element)
                        if resolved is not element:
                            value[position] = resolved
            elif isinstance(value, pikepdf.Dictionary):
                annotation = annotation_parent.get(int(nums[index - 1]))
                resolved = self.link_parent.get(annotation) or self.resolve(value)
                if resolved is not value:
                    nums[index] = resolved

    def reachable(self):
        seen = set()
        stack = [k for k in _kids(self.root) if _is_element(k)]
        while stack:
            element = stack.pop()
            if element.objgen in seen:
                continue
            seen.add(element.objgen)
            stack.extend(k for k in _kids(element) if _is_element(k))
        return seen

    def mark_artifacts(self):
        """Marked content whose element is outside the tree (page-margin boxes) becomes an
        artifact of pagination, and leaves the parent tree."""
        reachable = self.reachable()
        nums = self.root.ParentTree.Nums
        by_page = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        for number, page in enumerate(self.pdf.pages):
            mapping = by_page.get(number)
            if not isinstance(mapping, pikepdf.Array) or "/StructParents" not in page.obj:
                continue
            orphans = {mcid for mcid, element in enumerate(mapping)
                       if isinstance(element, pikepdf.Dictionary) and element.objgen not in reachable}
            if not orphans:
                continue
            page.Contents = self.pdf.make_stream(_as_artifacts(page, orphans))
            for mcid in orphans:
                mapping[mcid] = None

    # MARK: - private keys out, /Scope in

    def clean(self, root):
        seen = set()
        stack = [k for k in _kids(root) if _is_element(k)]
        while stack:
            element = stack.pop()
            if element.objgen in seen:
                continue
            seen.add(element.objgen)
            attributes = element.get("/A")
            if isinstance(attributes, pikepdf.Dictionary) and "/Headers" in attributes and self.header_ids:
                attributes.Headers = pikepdf.Array(
                    [self.header_ids.get(bytes(name), name) for name in attributes.Headers])
            if _SCOPE in element:
                attributes = element.get("/A")
                if not isinstance(attributes, pikepdf.Dictionary):
                    attributes = pikepdf.Dictionary(O=pikepdf.Name.Table)
                attributes.Scope = element[_SCOPE]
                element.A = attributes
                del element[_SCOPE]
            if _KEY in element:
                del element[_KEY]
            stack.extend(k for k in _kids(element) if _is_element(k))
        # Elements left out of the tree (margin boxes) carry the keys too.
        for obj in self.pdf.objects:
            if isinstance(obj, pikepdf.Dictionary):
                for key in (_KEY, _SCOPE):
                    if key in obj:
                        del obj[key]


# MARK: - the printer's PDF/X-4

# The printer's PDF (PDF/X-4) after WeasyPrint writes it, `prepare_for_print(path, prepress)`:
#
# - the output intent names its printing condition as a prepress preflight looks it up
#   (`OutputConditionIdentifier` FOGRA39, registry color.org) around the embedded CMYK profile;
# - every colour a page draws is CMYK: the print style sheet gives the charter in `device-cmyk()`,
#   and what is still RGB (a chart's inline colours, a white) is converted through the output
#   profile, neutral greys to the black plate alone, so no `rg`/`RG` is left in a content stream;
#   a gradient's end colours too; an RGB image keeps its pixels and gets an sRGB profile
#   (PDF/X-4 allows RGB only with one);
# - the MediaBox grows by a slug on every side, so that MediaBox ⊋ BleedBox ⊋ TrimBox; what the
#   page draws is clipped to the bleed, and the crop marks and the bleed marks are drawn in the
#   slug, outside the bleed, in the registration colour (all plates);
# - link annotations go: PDF/X allows none inside the bleed, and paper has no links.

#: The printing condition of the output profile (ICC registry of characterizations).
PRINTING_CONDITION = {
    "OutputConditionIdentifier": "FOGRA39",
    "RegistryName": "http://www.color.org",
    "OutputCondition": "Offset printing, according to ISO 12647-2:2004/Amd 1, OFCOM, paper type 1 or 2 "
                       "= coated art, 115 g/m2, tone value increase curves A (CMY) and B (K)",
    "Info": "FOGRA39 (ISO Coated v2 equivalent), profile built with ArgyllCMS from Fogra's FOGRA39L data",
}

_POINTS_PER_MM = 72 / 25.4


class CMYKConverter:
    """sRGB → the output profile's CMYK, relative colorimetric with black point compensation;
    neutral greys to the black plate alone (text and hairlines stay sharp on press)."""

    def __init__(self, profile_path):
        from PIL import Image, ImageCms
        self._image = Image
        self._cms = ImageCms
        profile = ImageCms.getOpenProfile(profile_path)
        self._transform = ImageCms.buildTransform(
            ImageCms.createProfile("sRGB"), profile, "RGB", "CMYK",
            renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC, flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)
        lab = ImageCms.createProfile("LAB")
        to_lab = ImageCms.buildTransform(profile, lab, "CMYK", "LAB", renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)
        self._srgb_to_lab = ImageCms.buildTransform(ImageCms.createProfile("sRGB"), lab, "RGB", "LAB",
                                                    renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC)
        # Lightness of each black-plate tint, 0 to 100 %.
        self._black = [ImageCms.applyTransform(Image.new("CMYK", (1, 1), (0, 0, 0, round(k * 2.55))), to_lab).getpixel((0, 0))[0]
                       for k in range(101)]
        self._cache = {}

    def convert(self, red, green, blue):
        """(c, m, y, k) from 0 to 1, rounded to 1/1000 so the same colour writes the same bytes."""
        key = tuple(max(0, min(255, round(float(v) * 255))) for v in (red, green, blue))
        if key not in self._cache:
            if key[0] == key[1] == key[2]:
                lightness = self._cms.applyTransform(self._image.new("RGB", (1, 1), key), self._srgb_to_lab).getpixel((0, 0))[0]
                k = min(range(101), key=lambda tint: abs(self._black[tint] - lightness))
                cmyk = (0, 0, 0, 0 if key[0] == 255 else k / 100)
            else:
                pixel = self._cms.applyTransform(self._image.new("RGB", (1, 1), key), self._transform).getpixel((0, 0))
                cmyk = tuple(round(v / 255, 3) for v in pixel)
            self._cache[key] = cmyk
        return self._cache[key]


def _stream(pdf, data):
    """A Flate-compressed stream (zlib is deterministic for the same bytes and level)."""
    return pikepdf.Stream(pdf, zlib.compress(data, 9), Filter=pikepdf.Name.FlateDecode)


def _to_cmyk(instructions, converter):
    """The instructions with every DeviceRGB colour operator turned into its CMYK one."""
    rgb = {"rg": "k", "RG": "K"}
    space = {"cs": None, "CS": None}  # current colour space names, fill and stroke
    converted = []
    for instruction in instructions:
        operator = str(instruction.operator)
        operands = list(instruction.operands)
        if operator in rgb and len(operands) == 3:
            instruction = pikepdf.ContentStreamInstruction(list(converter.convert(*operands)), pikepdf.Operator(rgb[operator]))
        elif operator in space and operands and operands[0] == pikepdf.Name.DeviceRGB:
            space[operator] = "rgb"
            instruction = pikepdf.ContentStreamInstruction([pikepdf.Name.DeviceCMYK], instruction.operator)
        elif operator in space:
            space[operator] = None
        elif operator in ("sc", "scn", "SC", "SCN") and len(operands) == 3 \
                and space["cs" if operator.islower() else "CS"] == "rgb":
            instruction = pikepdf.ContentStreamInstruction(list(converter.convert(*operands)), instruction.operator)
        converted.append(instruction)
    return converted


def _convert_xobjects(pdf, resources, converter, seen):
    """Form XObjects and tiling patterns draw with their own content streams: converted too."""
    if not isinstance(resources, pikepdf.Dictionary):
        return
    for category in ("/XObject", "/Pattern"):
        for _, item in (resources.get(category) or {}).items():
            if not isinstance(item, pikepdf.Stream) or item.objgen in seen:
                continue
            seen.add(item.objgen)
            if item.get("/Subtype") == "/Form" or item.get("/PatternType") == 1:
                item.write(zlib.compress(pikepdf.unparse_content_stream(
                    _to_cmyk(pikepdf.parse_content_stream(item), converter)), 9), filter=pikepdf.Name.FlateDecode)
                _convert_xobjects(pdf, item.get("/Resources"), converter, seen)


def _convert_function(function, converter):
    """An RGB interpolation function (a gradient's), its end colours in CMYK; False when it is
    of a kind this cannot convert (sampled, PostScript)."""
    kind = int(function.get("/FunctionType", -1))
    if kind == 2 and len(function.get("/C0", [])) == 3 and len(function.get("/C1", [])) == 3:
        function.C0 = pikepdf.Array(converter.convert(*function.C0))
        function.C1 = pikepdf.Array(converter.convert(*function.C1))
        return True
    if kind == 3:
        return all([_convert_function(f, converter) for f in function.Functions])
    return False


def _rgb_shading(shading):
    """Whether a shading's colours are sRGB: in DeviceRGB, or — WeasyPrint 70 with an output
    intent — three sRGB values written in the output profile's four-component space."""
    space = shading.get("/ColorSpace")
    if space == pikepdf.Name.DeviceRGB:
        return True
    return isinstance(space, pikepdf.Array) and space[0] == pikepdf.Name.ICCBased and int(space[1].get("/N", 0)) == 4


def _convert_shadings(pdf, converter):
    """CSS gradients are shadings of sRGB colours: their colours go through the profile too."""
    for obj in pdf.objects:
        if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)) and "/ShadingType" in obj \
                and "/Function" in obj and _rgb_shading(obj):
            functions = obj.Function if isinstance(obj.Function, pikepdf.Array) else [obj.Function]
            if len(functions) == 1 and _convert_function(functions[0], converter):
                obj.ColorSpace = pikepdf.Name.DeviceCMYK


def _registration(pdf):
    """The registration colour: a tint of every plate (Separation /All)."""
    tint = pikepdf.Dictionary(FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[1, 1, 1, 1], N=1)
    return pdf.make_indirect(pikepdf.Array([pikepdf.Name.Separation, pikepdf.Name.All, pikepdf.Name.DeviceCMYK, tint]))


def _marks(trim, bleed, slug):
    """Crop marks on the trim lines and, half as long, bleed marks on the bleed lines, at each
    corner, in the slug: each starts 1 mm outside the bleed; crop marks stop 1 mm short of the
    media's edge."""
    left, bottom, right, top = trim
    start = bleed + _POINTS_PER_MM
    crop_end = bleed + slug - _POINTS_PER_MM
    kinds = [(0, crop_end)] + ([(bleed, start + (crop_end - start) / 2)] if bleed > 0 else [])
    lines = []
    for x, y, dx, dy in ((left, bottom, -1, -1), (right, bottom, 1, -1), (left, top, -1, 1), (right, top, 1, 1)):
        for offset, end in kinds:
            lines.append((x + dx * offset, y + dy * start, x + dx * offset, y + dy * end))  # vertical, above or below
            lines.append((x + dx * start, y + dy * offset, x + dx * end, y + dy * offset))  # horizontal, beside
    path = "".join(f"{x1:.3f} {y1:.3f} m {x2:.3f} {y2:.3f} l " for x1, y1, x2, y2 in lines)
    return f"q /CadreRegistration CS 1 SCN 0.25 w 0 J [] 0 d {path}S Q\n".encode()


def _profile_rgb_images(pdf, resources, seen, srgb):
    """An RGB image keeps its pixels and says what they mean: an sRGB profile (PDF/X-4 allows
    RGB only with one)."""
    if not isinstance(resources, pikepdf.Dictionary):
        return
    for _, item in (resources.get("/XObject") or {}).items():
        if not isinstance(item, pikepdf.Stream) or item.objgen in seen:
            continue
        seen.add(item.objgen)
        if item.get("/Subtype") == "/Image" and item.get("/ColorSpace") == pikepdf.Name.DeviceRGB:
            item.ColorSpace = srgb()
        elif item.get("/Subtype") == "/Form":
            _profile_rgb_images(pdf, item.get("/Resources"), seen, srgb)


def prepare_for_print(path, prepress):
    """Rewrites the PDF/X-4 at `path` in place for the printer (see above). `prepress` comes
    from the job: bleed, slug in millimetres, crop marks or not, and the output profile."""
    bleed = float(prepress.get("bleed", 0)) * _POINTS_PER_MM
    slug = float(prepress.get("slug", 0)) * _POINTS_PER_MM
    marks = bool(prepress.get("marks"))
    converter = CMYKConverter(prepress["profile"])
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for intent in pdf.Root.get("/OutputIntents", []):
            if intent.get("/S") == "/GTS_PDFX":
                for key, value in PRINTING_CONDITION.items():
                    intent[pikepdf.Name("/" + key)] = pikepdf.String(value)
        _convert_shadings(pdf, converter)
        registration = _registration(pdf) if marks and slug > 0 else None
        seen, images, profiles = set(), set(), []

        def srgb():
            if not profiles:
                from importlib.resources import files
                data = (files("weasyprint.pdf") / "sRGB2014.icc").read_bytes()
                profiles.append(pdf.make_indirect(pikepdf.Array(
                    [pikepdf.Name.ICCBased, pikepdf.Stream(pdf, zlib.compress(data, 9), N=3, Filter=pikepdf.Name.FlateDecode)])))
            return profiles[0]
        for page in pdf.pages:
            trim = [float(v) for v in page.obj.get("/TrimBox", page.obj.MediaBox)]
            box = [trim[0] - bleed, trim[1] - bleed, trim[2] + bleed, trim[3] + bleed]
            media = [box[0] - slug, box[1] - slug, box[2] + slug, box[3] + slug]
            content = pikepdf.unparse_content_stream(_to_cmyk(pikepdf.parse_content_stream(page), converter))
            clip = f"q {box[0]:.3f} {box[1]:.3f} {box[2] - box[0]:.3f} {box[3] - box[1]:.3f} re W n\n".encode()
            drawing = clip + content + b"\nQ\n"
            if registration is not None:
                resources = page.obj.Resources  # WeasyPrint shares one among the pages
                if "/ColorSpace" not in resources:
                    resources.ColorSpace = pikepdf.Dictionary()
                resources.ColorSpace.CadreRegistration = registration
                drawing += _marks(trim, bleed, slug)
            _convert_xobjects(pdf, page.obj.get("/Resources"), converter, seen)
            _profile_rgb_images(pdf, page.obj.get("/Resources"), images, srgb)
            page.obj.Contents = _stream(pdf, drawing)
            page.obj.TrimBox = pikepdf.Array([round(v, 3) for v in trim])
            page.obj.BleedBox = pikepdf.Array([round(v, 3) for v in box])
            page.obj.MediaBox = pikepdf.Array([round(v, 3) for v in media])
            if "/Annots" in page.obj:
                kept = [a for a in page.obj.Annots if a.get("/Subtype") in ("/PrinterMark", "/TrapNet")]
                if kept:
                    page.obj.Annots = pikepdf.Array(kept)
                else:
                    del page.obj["/Annots"]
        pdf.save(path, deterministic_id=True, compress_streams=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)
