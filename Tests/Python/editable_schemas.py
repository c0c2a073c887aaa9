"""Validates editable documents against their formats' schemas, with real validators:

- an ODT's XML parts against OASIS's OpenDocument 1.3 RELAX NG schemas (the schema files
  openxml-audit ships, from PyPI), with Debian's jing; `-i` because the OASIS schema is not
  DTD-compatible for ID types, which jing checks by default;
- a DOCX against the Office Open XML schemas and the Open XML SDK's package and semantic
  rules, with openxml-audit (Microsoft 365 level).

    editable_schemas.py DOCUMENT.odt|DOCUMENT.docx…

Prints one line per error and exits 1 when there is one.
"""
import pathlib
import subprocess
import sys
import tempfile
import zipfile

import openxml_audit
from openxml_audit import FileFormat, OpenXmlValidator

SCHEMAS = pathlib.Path(openxml_audit.__file__).parent / "odf" / "schemas" / "odf-1.3"
PARTS = {
    "content.xml": "OpenDocument-v1.3-schema.rng",
    "styles.xml": "OpenDocument-v1.3-schema.rng",
    "meta.xml": "OpenDocument-v1.3-schema.rng",
    "settings.xml": "OpenDocument-v1.3-schema.rng",
    "META-INF/manifest.xml": "OpenDocument-v1.3-manifest-schema.rng",
}


def odt_errors(path):
    errors = []
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(path) as package:
        names = set(package.namelist())
        if package.infolist()[0].filename != "mimetype":
            errors.append("mimetype n'est pas la première entrée")
        for part, schema in PARTS.items():
            if part not in names:
                if part != "settings.xml":
                    errors.append(f"{part} absent")
                continue
            target = pathlib.Path(folder) / part.replace("/", "_")
            target.write_bytes(package.read(part))
            result = subprocess.run(["jing", "-i", str(SCHEMAS / schema), str(target)], capture_output=True, text=True)
            for line in result.stdout.splitlines():
                errors.append(f"{part}: {line.replace(str(target), '')}")
            if result.returncode != 0 and not result.stdout.strip():
                errors.append(f"{part}: jing a échoué ({result.returncode}) {result.stderr.strip()[-300:]}")
    return errors


def docx_errors(path):
    result = OpenXmlValidator(file_format=FileFormat.MICROSOFT_365, max_errors=0).validate(path)
    return [str(error) for error in result.errors] + ([] if result.is_valid or result.errors else ["non valide"])


def main(paths):
    failed = False
    for path in paths:
        errors = odt_errors(path) if path.endswith(".odt") else docx_errors(path)
        for error in errors:
            print(f"{pathlib.Path(path).name}: {error}")
        failed = failed or bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
