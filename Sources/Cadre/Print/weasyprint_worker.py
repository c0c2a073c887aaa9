"""cadre's WeasyPrint worker: renders print HTML to PDF, one job per line.

Started once per build (or once per `--jobs` slot) by the Swift engine, so that many
documents pay Python's and WeasyPrint's start-up once. Protocol, JSON Lines on the pipes:

  first line out  {"ready": true, "version": "70.0"}   or {"ready": false, "error": "…"}
  each line in    {"html": path, "pdf": path, "roots": [folder…], "variant": "pdf/ua-1",
                   "css": [stylesheet text…], "anchors": [id…], "date": "2021", "lang": "fr-FR",
                   "prepress": {"bleed": 3, "slug": 10, "marks": true},   (prepress: pdf/x-4 only)
                   "linkPages": {id: page}}   (the pages of the last build, see layout_passes.py)
  each line out   {"ok": true, "pages": 30, "anchors": {id: page}, "linkPages": {id: page},
                   "refused": [url…], "warnings": [text…]}   or {"ok": false, "error": "…"}

Only files inside `roots` can be fetched (stylesheets, images, fonts); any other URL —
network or file — is refused and reported back, never read. The engine's own resources, built
by `scripts/setup` into `.venv/cadre/`, are read too: the printer's CMYK output profile
(FOGRA39.icc) and the sans-serif of the charter with its own no-break space (polices/).
"""

import hashlib
import json
import logging
import os
import pathlib
import re
import signal
import sys
import threading
import time
import uuid
from urllib.parse import unquote, urlsplit


def die_with_parent():
    """Ends this worker when cadre ends, even killed by `kill -9` in the middle of a document.

    The kernel signals us when the parent goes (PR_SET_PDEATHSIG). That signal follows the
    parent *thread* that started us, and cadre's threads come and go while it lives: so the
    signal is SIGUSR2, whose handler exits only if the parent process really changed. A
    watchdog thread checks the same every half second (a handler waits while C code runs),
    and a closed stdin ends the job loop. A worker never writes into a dead run's folder.
    """
    parent = os.getppid()

    def orphaned():
        return os.getppid() != parent

    def on_parent_death(signum, frame):
        if orphaned():
            os._exit(0)

    signal.signal(signal.SIGUSR2, on_parent_death)
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGUSR2, 0, 0, 0)
    except Exception:
        pass  # not Linux: the watchdog alone
    if orphaned() or parent == 1:
        os._exit(0)

    def watch():
        while not orphaned():
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


die_with_parent()

try:
    import weasyprint
    import weasyprint.pdf.metadata
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # -I leaves the script's folder out
    import pdf_structure  # PDF/UA repairs of the tagged PDFs (pikepdf), shipped beside this file
    import layout_passes  # one layout pass with the link pages known from the last build
except Exception as error:  # the engine is missing or broken: say so, never a traceback
    print(json.dumps({"ready": False, "error": f"{type(error).__name__}: {error}"}), flush=True)
    sys.exit(0)


#: The engine's own resources, made by `scripts/setup` beside WeasyPrint.
RESOURCES = os.path.join(sys.prefix, "cadre")
OUTPUT_PROFILE = os.path.join(RESOURCES, "FOGRA39.icc")
FONTS = os.path.join(RESOURCES, "polices")


class ProjectFetcher(weasyprint.URLFetcher):
    """Serves `file:` URLs under the allowed folders and `data:` URLs; refuses the rest."""

    def __init__(self, roots, refused, rewrite=None):
        super().__init__(allowed_protocols={"file", "data"})
        self.roots = [os.path.realpath(root) + os.sep for root in [*roots, RESOURCES]]
        self.refused = refused
        self.rewrite = rewrite  # applied to the text of every style sheet fetched

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if url.startswith("file:"):
            path = os.path.realpath(unquote(urlsplit(url).path))
            if any(path.startswith(root) for root in self.roots):
                response = super().fetch(url, headers)
                if self.rewrite is None or response.content_type != "text/css":
                    return response
                try:
                    text = response.read().decode(response.charset or "utf-8")
                finally:
                    response.close()
                return weasyprint.urls.URLFetcherResponse(response.url, self.rewrite(text).encode(), response.headers, response.status)
        self.refused.append(url)
        raise ValueError(f"refused: {url}")


class Collector(logging.Handler):
    """Keeps WeasyPrint's warnings of the current job, to hand them back to cadre."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


#: Lato's styles as its files name them (CadreSans-BoldItalic.ttf).
FACE = re.compile(r"^CadreSans-(Hairline|Thin|Light|Regular|Medium|Semibold|Bold|Heavy|Black)?(Italic)?\.ttf$")
WEIGHTS = {"Hairline": 100, "Thin": 200, "Light": 300, None: 400, "Regular": 400, "Medium": 500,
           "Semibold": 600, "Bold": 700, "Heavy": 800, "Black": 900}


class Faces:
    """The charter's sans-serif as built by `scripts/setup` (« Cadre Sans »: Lato with a glyph of
    its own for U+00A0, so that the no-break space survives in the PDF's text layer), declared
    once per worker: one font configuration serves every document, so a batch does not copy
    the fonts again for each one."""

    def __init__(self):
        from weasyprint.text.fonts import FontConfiguration
        self.config = FontConfiguration()
        rules = []
        for name in sorted(os.listdir(FONTS)) if os.path.isdir(FONTS) else []:
            match = FACE.match(name)
            if match:
                weight, style = WEIGHTS[match.group(1)], "italic" if match.group(2) else "normal"
                url = pathlib.Path(FONTS, name).as_uri()
                rules.append(f'@font-face {{ font-family: "Cadre Sans"; src: url("{url}"); '
                             f"font-weight: {weight}; font-style: {style}; }}")
        fetcher = ProjectFetcher([], [])
        self.sheets = [weasyprint.CSS(string="\n".join(rules), url_fetcher=fetcher, font_config=self.config)] if rules else []


_faces = None


def faces():
    global _faces
    if _faces is None:
        _faces = Faces()
    return _faces


def output_profile():
    """The printer's CMYK profile, for the output intent of a PDF/X-4."""
    from weasyprint.css import ColorProfile
    if not os.path.isfile(OUTPUT_PROFILE):
        raise FileNotFoundError(f"profil de sortie CMJN absent ({OUTPUT_PROFILE}) — lancez « scripts/setup »")
    with open(OUTPUT_PROFILE, "rb") as file:
        return ColorProfile(file, OUTPUT_PROFILE, "relative-colorimetric", (["c"], ["m"], ["y"], ["k"]))


def render(job, collector):
    refused = []
    # PDF/X-4 metadata carries a document id; derive it from the file name, not at random.
    seed = hashlib.md5(os.path.basename(job["pdf"]).encode()).digest()
    weasyprint.pdf.metadata.uuid4 = lambda: uuid.UUID(bytes=seed)
    variant = job.get("variant")
    def prepare(rewrite):
        """The job's HTML and a function laying it out; `rewrite` changes the text of its style sheets."""
        fetcher = ProjectFetcher(job["roots"], refused, rewrite)
        fonts = faces()
        html = weasyprint.HTML(filename=job["html"], url_fetcher=fetcher)
        css = [rewrite(text) for text in job.get("css", [])] if rewrite else job.get("css", [])
        stylesheets = fonts.sheets + [weasyprint.CSS(string=text, url_fetcher=fetcher, font_config=fonts.config) for text in css]
        # The output intent of a PDF/X: WeasyPrint embeds the profile named device-cmyk and draws
        # transparency groups in DeviceCMYK.
        profiles = {"device-cmyk": output_profile()} if variant == "pdf/x-4" else None
        return html, lambda: html.render(stylesheets=stylesheets, pdf_variant=variant, pdf_tags=variant == "pdf/ua-1",
                                         font_config=fonts.config, color_profiles=profiles)

    def retried():
        del refused[:]
        collector.messages = []

    document, links = layout_passes.lay_out(prepare, job.get("linkPages"), retried)
    if job.get("date"):
        document.metadata.created = document.metadata.modified = job["date"]
    if job.get("lang"):
        document.metadata.lang = job["lang"]
    anchors = layout_passes.pages_of(document, set(job.get("anchors", [])))
    partial = job["pdf"] + ".partiel"
    # A tagged PDF is opened again and saved by pikepdf (pdf_structure.finish), which compresses
    # it (in C++): WeasyPrint need not compress it first (half a second on the guide).
    document.write_pdf(partial, pdf_variant=variant, pdf_identifier=True, pdf_tags=variant == "pdf/ua-1",
                       uncompressed_pdf=variant == "pdf/ua-1")
    pdf_structure.finish(partial, variant)
    if variant == "pdf/x-4":
        pdf_structure.prepare_for_print(partial, {**job.get("prepress", {}), "profile": OUTPUT_PROFILE})
    os.replace(partial, job["pdf"])
    return {"ok": True, "pages": len(document.pages), "anchors": anchors, "linkPages": links.found(document), "refused": refused,
            "warnings": [m for m in collector.messages if not any(url in m for url in refused)]}


def main():
    collector = Collector()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    logger.propagate = False
    print(json.dumps({"ready": True, "version": weasyprint.__version__}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        collector.messages = []
        try:
            answer = render(json.loads(line), collector)
        except Exception as error:
            answer = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        print(json.dumps(answer, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
