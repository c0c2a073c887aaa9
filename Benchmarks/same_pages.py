"""Whether two PDFs have the same pages, pixel for pixel at 60 dpi (poppler's pdftoppm).

    python Benchmarks/same_pages.py before.pdf after.pdf

Prints one line per page that differs (and how many pixels do), then a summary line;
exits 1 when the page counts or any page differ.
"""

import pathlib
import subprocess
import sys
import tempfile

from PIL import Image, ImageChops


def pages(pdf, folder):
    subprocess.run(["pdftoppm", "-png", "-r", "60", pdf, str(folder / "page")], check=True)
    return sorted(folder.glob("page-*.png"))


def main(before, after):
    with tempfile.TemporaryDirectory() as work:
        first, second = pathlib.Path(work, "a"), pathlib.Path(work, "b")
        first.mkdir()
        second.mkdir()
        old, new = pages(before, first), pages(after, second)
        if len(old) != len(new):
            print(f"{len(old)} pages avant, {len(new)} après")
            return 1
        differing = 0
        for number, (a, b) in enumerate(zip(old, new), start=1):
            image_a, image_b = Image.open(a).convert("RGB"), Image.open(b).convert("RGB")
            if image_a.size != image_b.size:
                print(f"page {number} : tailles {image_a.size} et {image_b.size}")
                differing += 1
                continue
            box = ImageChops.difference(image_a, image_b).getbbox()
            if box:
                changed = sum(1 for pixel in ImageChops.difference(image_a, image_b).getdata() if pixel != (0, 0, 0))
                print(f"page {number} : {changed} pixels diffèrent dans {box}")
                differing += 1
        print(f"{len(old)} pages, {differing} différente(s) à 60 dpi")
        return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
