#!/usr/bin/env python3
"""Generates N short publications (three A4 pages each: cover, sommaire, a strategy in brief
with a table) for the PDF batch benchmark: Benchmarks/work/courts/projet/Content/fiche-NNN/."""
import pathlib, random, shutil, sys

root = pathlib.Path(__file__).resolve().parent.parent
count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
project = root / "Benchmarks" / "work" / "courts" / "projet"
shutil.rmtree(project.parent, ignore_errors=True)
(project / "Content").mkdir(parents=True)
shutil.copytree(root / "Content" / "data", project / "Content" / "data")
shutil.copytree(root / "Templates", project / "Templates")
words = ("coopération partenaires habitants services projet formation échanges territoire jeunes "
         "associations réseau expertise évaluation mobilité solidarité développement action").split()

for index in range(1, count + 1):
    rng = random.Random(index)
    sentence = lambda n: " ".join(rng.choice(words) for _ in range(n)).capitalize() + "."
    folder = project / "Content" / f"fiche-{index:03d}"
    folder.mkdir()
    (folder / "publication.yml").write_text(
        f"titre: Stratégie internationale en bref n° {index}\nlangue: fr\ndate: \"2026\"\nbudget_pages: 3\n", encoding="utf-8")
    rows = "\n".join(f"| {sentence(4)} | {rng.randint(5, 300) * 1000} € | {2027 + rng.randint(0, 5)} |" for _ in range(8))
    body = "\n\n".join(sentence(40) for _ in range(6))
    (folder / "01-en-bref.md").write_text(
        f"---\ntitre: En bref\n---\n\n## Orientations\n\n{body}\n\n## Plan d'action\n\n| Action | Budget | Échéance |\n|---|---|---|\n{rows}\n",
        encoding="utf-8")
print(f"{count} publications courtes dans {project / 'Content'}")
