"""The text layer of a PDF as a copy-paste or a screen reader gets it: each shown string
decoded through its font's ToUnicode map, no normalisation of spaces (poppler turns U+00A0
into a plain space, which would hide the very loss these tests look for)."""

import re

import pikepdf


def _to_unicode(font):
    """{code: text} of a font's ToUnicode CMap (bfchar and bfrange entries)."""
    mapping = {}
    stream = font.get("/ToUnicode")
    if stream is None:
        return mapping
    cmap = stream.read_bytes().decode("latin-1")
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for start, end, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            first = int.from_bytes(bytes.fromhex(text), "big")
            for offset, code in enumerate(range(int(start, 16), int(end, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def page_text(page, fonts_cache):
    """Text of one page, by font: [(font base name, text)] in drawing order."""
    runs = []
    fonts = page.get("/Resources", {}).get("/Font", {})
    font = None
    for operands, operator in pikepdf.parse_content_stream(page):
        operator = str(operator)
        if operator == "Tf":
            font = fonts.get(operands[0])
        elif operator in ("Tj", "TJ", "'", '"') and font is not None:
            key = font.objgen
            if key not in fonts_cache:
                two_bytes = str(font.get("/Subtype")) == "/Type0"
                fonts_cache[key] = (str(font.get("/BaseFont")), _to_unicode(font), two_bytes)
            name, mapping, two_bytes = fonts_cache[key]
            strings = operands[-1] if operator != "TJ" else [s for s in operands[0] if isinstance(s, pikepdf.String)]
            if operator != "TJ":
                strings = [strings]
            data = b"".join(bytes(s) for s in strings)
            step = 2 if two_bytes else 1
            codes = [int.from_bytes(data[i:i + step], "big") for i in range(0, len(data), step)]
            runs.append((name, "".join(mapping.get(code, "\ufffd") for code in codes)))
    return runs


def text_runs(path):
    with pikepdf.open(path) as pdf:
        cache = {}
        return [run for page in pdf.pages for run in page_text(page, cache)]
