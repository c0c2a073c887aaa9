"""Run by Scribus (`xvfb-run -a scribus -g -ns -py scribus_export_pdf.py`): opens the IDML
named by $CADRE_IDML with Scribus's IDML importer and exports it as the PDF $CADRE_PDF;
writes the page count to $CADRE_PAGES. Exits Scribus when done, whatever happens."""

import os
import traceback

import scribus

try:
    scribus.openDoc(os.environ["CADRE_IDML"])
    with open(os.environ["CADRE_PAGES"], "w", encoding="utf-8") as pages:
        pages.write(str(scribus.pageCount()))
    pdf = scribus.PDFfile()
    pdf.file = os.environ["CADRE_PDF"]
    pdf.save()
except Exception:  # reported to the test, which fails on a missing PDF
    with open(os.environ["CADRE_PDF"] + ".erreur", "w", encoding="utf-8") as error:
        error.write(traceback.format_exc())
finally:
    os._exit(0)
