#!/usr/bin/env python3
"""Generates N synthetic collectivité files of varied sizes for the strategy benchmark, and
for each the equivalent Markdown document (same sections, tables and text) for pandoc.

    generate_collectivites.py N  →  Benchmarks/work/strategies/projet/Content/collectivites/*.yml
                                    Benchmarks/work/strategies/markdown/*.md

The project folder gets the real Templates/ and Content/data/ and Content/guide/ (for the
guide's passages), so cadre renders exactly what a user would get."""
import pathlib, random, shutil, sys

root = pathlib.Path(__file__).resolve().parent.parent
count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
work = root / "Benchmarks" / "work" / "strategies"
shutil.rmtree(work, ignore_errors=True)
project = work / "projet"
(project / "Content" / "collectivites").mkdir(parents=True)
(work / "markdown").mkdir(parents=True)
shutil.copytree(root / "Content" / "data", project / "Content" / "data")
shutil.copytree(root / "Content" / "guide", project / "Content" / "guide")
shutil.copytree(root / "Templates", project / "Templates")

TYPES = ["commune", "communaute_de_communes", "communaute_d_agglomeration", "communaute_urbaine",
         "metropole", "departement", "region", "collectivite_outre_mer"]
LOCAL = {"commune", "communaute_de_communes", "communaute_d_agglomeration", "communaute_urbaine", "metropole"}
MODELS = ["dgs", "direction_fonctionnelle", "direction_operationnelle", "cabinet", "elus"]
POWERS = ["utilitaire", "normatif", "mobilisateur", "coercitif"]
LEVELS = ["informer", "consulter", "concerter", "coconstruire"]
COUNTRIES = ["Sénégal", "Mali", "Maroc", "Tunisie", "Vietnam", "Madagascar", "Québec (Canada)", "Allemagne", "Pologne", "Bénin"]
THEMES = ["Eau et assainissement", "Jeunesse et mobilité", "Développement économique", "Culture", "Climat et énergie", "Santé", "Gouvernance locale"]


def words(rng, n):
    vocabulary = ("coopération partenaires habitants services projet formation échanges territoire jeunes "
                  "associations réseau expertise évaluation mobilité solidarité développement durable action "
                  "commune programme accompagnement diagnostic équipe élus citoyens").split()
    return " ".join(rng.choice(vocabulary) for _ in range(n)).capitalize()


def quoted(text):
    return '"' + text.replace('"', "'") + '"'


def collectivite(index):
    rng = random.Random(index)
    kind = TYPES[index % len(TYPES)]
    size = rng.choice([1, 2, 3, 4])  # varied sizes: from a small commune to a large région
    start = 2026 + rng.randint(0, 2)
    end = start + 6
    name = f"Collectivité d'essai n° {index}"
    indicators = [f"IND{i + 1}" for i in range(2 * size)]
    objectives = [f"OS{i + 1}" for i in range(size)]
    lines = [f"collectivite:\n  nom: {quoted(name)}\n  type: {kind}\n  population: {rng.randint(2000, 3000000)}",
             f"mandature:\n  debut: {start}\n  fin: {end}", f"deliberation: {start + 1}-03",
             "portage:\n  elu: " + quoted(words(rng, 6)) + "\n  service: " + quoted(words(rng, 4)) +
             f"\n  rattachement: {rng.choice(MODELS)}\n  etp: {size}\n  mode_projet: {str(size > 2).lower()}\n  referents: [{words(rng, 3)}, {words(rng, 3)}]",
             "diagnostic:\n" + "".join(f"  {q}:\n" + "".join(f"    - {quoted(words(rng, 9))}\n" for _ in range(size + 1))
                                       for q in ["forces", "faiblesses", "opportunites", "menaces"]).rstrip("\n"),
             "parties_prenantes:\n" + "\n".join(
                 f"  - nom: {quoted(words(rng, 3))}\n    categorie: {rng.choice(['Association', 'Entreprise', 'Collectivité', 'Diaspora', 'État'])}\n"
                 f"    pouvoirs: [{rng.choice(POWERS)}]\n    pouvoir: {rng.randint(1, 5)}\n    legitimite: {rng.randint(1, 5)}\n"
                 f"    interet: {rng.randint(1, 5)}\n    engagement: {rng.choice(LEVELS)}" for _ in range(2 * size + 1)),
             "valeurs: [Réciprocité, Solidarité, Ouverture]",
             "vision: " + quoted(words(rng, 20)), "mission: " + quoted(words(rng, 20)),
             "objectif_general: " + quoted(words(rng, 14)),
             "objectifs_specifiques:\n" + "\n".join(
                 f"  - id: {objective}\n    intitule: {quoted(words(rng, 10))}\n    indicateurs: [{indicators[2 * i]}, {indicators[2 * i + 1]}]\n    echeance: {end - 1}-12"
                 for i, objective in enumerate(objectives)),
             "priorites_geographiques:\n" + "\n".join(
                 f"  - pays: {rng.choice(COUNTRIES)}\n    collectivite_partenaire: {quoted(words(rng, 3))}\n    motif: {rng.choice(['histoire', 'diaspora', 'projets_existants', 'economie'])}"
                 for _ in range(size)),
             "priorites_thematiques: [" + ", ".join(rng.sample(THEMES, size + 1)) + "]",
             "resultats:\n" + "\n".join(
                 f"  - id: R{r + 1}\n    objectif: {objectives[r % size]}\n    intitule: {quoted(words(rng, 12))}\n    indicateurs: [{indicators[(2 * r) % len(indicators)]}]\n"
                 f"    sources_verification: [{words(rng, 4)}]\n    hypotheses: [{words(rng, 6)}]\n    activites:\n" + "\n".join(
                     f"      - intitule: {quoted(words(rng, 8))}\n        moyens: {quoted(words(rng, 5))}\n        cout: {rng.randint(2, 200) * 1000}\n"
                     f"        responsable: {quoted(words(rng, 3))}\n        debut: {start + a % 5}-0{1 + a % 9}\n        fin: {min(end, start + 1 + a % 5)}-1{a % 3}"
                     for a in range(1 + size)) for r in range(2 * size)),
             "indicateurs:\n" + "\n".join(
                 f"  - id: {indicator}\n    intitule: {quoted(words(rng, 8))}\n    unite: Nombre\n    valeur_reference: \"{rng.randint(0, 50)} ({start})\"\n"
                 f"    valeur_cible: \"{rng.randint(60, 500)}\"\n    date_cible: {end - 1}-12\n    periodicite: Annuelle\n    sources: {quoted(words(rng, 5))}"
                 for indicator in indicators),
             "financement:\n  - source: fonds_propres\n    intitule: Budget propre\n    montant: " + str(rng.randint(20, 400) * 1000) +
             ("\n  - source: dispositif_1_pourcent\n    intitule: 1 % eau\n    montant: 60000\n    domaine: eau_assainissement" if kind in LOCAL else "") +
             "\n  - source: ficol\n    intitule: Projet FICOL\n    montant: " + str(rng.randint(200, 1500) * 1000) + "\n    part_collectivite: 35\n    duree_ans: 3" +
             "\n  - source: appel_daect\n    intitule: Appel à projets généraliste\n    montant: 40000",
             "reseaux: [Cités Unies France]", "communication: [" + words(rng, 6) + "]",
             f"evaluations:\n  mi_parcours: {start + 3}-06\n  finale: {end}-01"]
    return "\n".join(lines) + "\n"


def markdown(yaml_text, index):
    """The same content as a Markdown document: headings, lists and pipe tables."""
    body = [f"# Stratégie d'action internationale — collectivité n° {index}", ""]
    for block in yaml_text.split("\n"):
        if block and not block.startswith(" "):
            body += ["", "## " + block.split(":")[0].replace("_", " "), ""]
        elif block.strip().startswith("- "):
            body.append("| " + block.strip()[2:].replace("|", "/") + " | " + str(index) + " |")
        elif block.strip():
            body.append("- " + block.strip())
    return "\n".join(body) + "\n"


for index in range(1, count + 1):
    text = collectivite(index)
    (project / "Content" / "collectivites" / f"c{index:04d}.yml").write_text(text, encoding="utf-8")
    (work / "markdown" / f"c{index:04d}.md").write_text(markdown(text, index), encoding="utf-8")
print(f"{count} collectivités dans {project / 'Content' / 'collectivites'}")
