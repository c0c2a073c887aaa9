#!/usr/bin/env python3
"""Generates the benchmark's content set: the guide's chapters repeated into one large
publication (at least TARGET bytes of Markdown), links between chapters turned into plain
text since the copies have other file names. Writes into Benchmarks/work/projet/."""
import pathlib, re, shutil, sys

root = pathlib.Path(__file__).resolve().parent.parent
target = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000_000
source = root / "Content" / "guide"
if not any(source.glob("*.md")):
    source = root / "Tests" / "CadreTests" / "Fixtures" / "exemple" / "Content" / "guide"
data = source.parent / "data"

work = root / "Benchmarks" / "work" / "projet"
shutil.rmtree(work, ignore_errors=True)
(work / "Content" / "bench").mkdir(parents=True)
shutil.copytree(data, work / "Content" / "data")
shutil.copytree(root / "Templates", work / "Templates")

chapters = []
for path in sorted(source.glob("*.md")):
    text = path.read_text(encoding="utf-8")
    if "liste-acronymes" in text:
        continue  # one list for the whole publication, added at the end
    text = re.sub(r"\[([^\]]*)\]\([0-9]{2}-[a-z0-9-]+\.md(#[^)]*)?\)", lambda m: m.group(1) or "renvoi", text)
    text = re.sub(r"\[([^\]]*)\]\(#[^)]*\)", lambda m: m.group(1) or "renvoi", text)
    chapters.append((re.sub(r"^[0-9]+-", "", path.stem), text))

(work / "Content" / "bench" / "publication.yml").write_text(
    "titre: Banc d'essai\nlangue: fr\ndate: \"2026\"\nbudget_pages: 30\n", encoding="utf-8")
total, number = 0, 0
while total < target:
    for slug, text in chapters:
        number += 1
        if number > 998:
            sys.exit("le jeu de test dépasse 998 chapitres : augmentez la taille des chapitres")
        name = f"{number:03d}-{slug}-{number}.md"
        (work / "Content" / "bench" / name).write_text(text, encoding="utf-8")
        total += len(text.encode("utf-8"))
        if total >= target:
            break
(work / "Content" / "bench" / "999-acronymes.md").write_text(
    "---\ntitre: Acronymes\nnature: annexe\n---\n\n```liste-acronymes\n```\n", encoding="utf-8")
print(f"{number} chapitres, {total} octets de Markdown")
