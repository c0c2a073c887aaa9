/// The form in the guide's four steps: every field of the collectivité file, in the order the
/// guide builds a strategy (« Élaborer une stratégie d'action internationale », chapitre 6, and
/// « Planifier avec le cadre logique », chapitre 7). Help texts restate the guide's advice.
enum Steps {
    static let all: [Step] = [portage, diagnostic, elementsCles, planification]

    static func step(_ number: Int) -> Step? { all.first { $0.number == number } }

    /// The question that asks for the value at `path` (« Vision », « Coût (euros) »).
    static func label(of path: FieldPath) -> String? {
        var fields = all.flatMap(\.fields)
        var label: String?
        for step in path.steps {
            guard case .key(let key) = step else { continue }
            guard let field = fields.first(where: { $0.key == key }) else { return nil }
            label = field.label
            switch field.kind {
            case .group(let inner), .repeated(let inner, _): fields = inner
            default: fields = []
            }
        }
        return label
    }

    static let portage = Step(number: 1, title: "Sensibilisation et portage",
        intro: "Le guide commence par le portage politique : un élu qui porte la démarche, un service identifié, une mandature sur laquelle caler la stratégie et une délibération pour l'adopter.",
        fields: [
            Field("collectivite", "La collectivité", .group([
                Field("nom", "Nom de la collectivité", help: "Tel qu'il figurera en tête du document et de la délibération.", required: true),
                Field("type", "Type de collectivité", .choice(.collectiviteType), help: "Le guide adapte ses conseils et les financements possibles à chaque échelon.", required: true),
                Field("population", "Population (habitants)", .integer, required: true),
            ]), required: true),
            Field("mandature", "Mandature couverte", .group([
                Field("debut", "Année de début", .integer, required: true),
                Field("fin", "Année de fin", .integer, required: true),
            ]), help: "Le guide conseille de caler la stratégie sur la durée du mandat : chaque mandat a sa version.", required: true),
            Field("deliberation", "Date de la délibération d'adoption (AAAA-MM)", .month,
                  help: "La stratégie gagne sa légitimité par un vote de l'assemblée : indiquez la séance prévue."),
            Field("portage", "Portage politique et technique", .group([
                Field("elu", "Élu chargé de l'action internationale, et sa délégation", help: "Un portage politique clair est la première condition de réussite.", required: true),
                Field("service", "Service chargé de l'action internationale", required: true),
                Field("rattachement", "Rattachement du service", .choice(.rattachement),
                      help: "Chaque rattachement a ses avantages et ses contraintes (guide, chapitre « Organiser les services »).", required: true),
                Field("etp", "Équivalents temps plein", .decimal, required: true),
                Field("cout_annuel_etp", "Coût annuel d'un équivalent temps plein (euros)", .integer, help: "Salaire et charges : sert au coût de l'équipe dans le budget annuel."),
                Field("mode_projet", "Le service travaille-t-il en mode projet avec les autres directions ?", .yesNo, required: true),
                Field("referents", "Référents dans les autres services (un par ligne)", .lines,
                      help: "Des référents nommés dans les directions rendent l'action internationale transversale."),
            ]), required: true),
            Field("gouvernance", "Gouvernance de la stratégie", .group([
                Field("presidence", "Présidence du comité de pilotage"),
                Field("comite_pilotage", "Membres du comité de pilotage (un par ligne)", .lines),
                Field("reunions", "Fréquence des réunions", help: "Par exemple : deux fois par an."),
                Field("compte_rendu", "Comptes rendus à l'assemblée (un par ligne)", .lines,
                      help: "Le guide recommande un bilan annuel présenté à l'assemblée délibérante."),
            ])),
        ])

    static let diagnostic = Step(number: 2, title: "Diagnostic AFOM et parties prenantes",
        intro: "Le diagnostic examine les atouts et faiblesses de la collectivité, les opportunités et menaces de son environnement, puis cartographie les parties prenantes selon leur pouvoir, leur légitimité et leur intérêt.",
        fields: [
            Field("diagnostic", "Diagnostic AFOM", .group([
                Field("forces", "Atouts (un par ligne)", .lines, help: "Ce que la collectivité sait déjà faire : jumelages actifs, expertises de ses services, acteurs mobilisés."),
                Field("faiblesses", "Faiblesses (une par ligne)", .lines, help: "Ce qui freine : actions dispersées, absence de budget identifié, d'évaluation."),
                Field("opportunites", "Opportunités (une par ligne)", .lines, help: "Ce que l'environnement offre : dispositifs de financement, réseaux, diasporas."),
                Field("menaces", "Menaces (une par ligne)", .lines, help: "Ce qui peut compromettre l'action : contraintes budgétaires, instabilité chez les partenaires."),
            ]), help: "Le guide examine les quatre dimensions : une case vide signale une question à reposer aux services et aux partenaires."),
            Field("parties_prenantes", "Parties prenantes", .repeated([
                Field("nom", "Nom", required: true),
                Field("categorie", "Catégorie (association, financeur, établissement…)", required: true),
                Field("pouvoirs", "Types de pouvoir", .choices(.pouvoir), help: "Utilitaire (ressources), normatif (valeurs, image), mobilisateur (capacité à rassembler), coercitif (contrainte)."),
                Field("pouvoir", "Pouvoir, de 1 (faible) à 5 (décisif)", .integer, required: true),
                Field("legitimite", "Légitimité, de 1 à 5", .integer, required: true),
                Field("interet", "Intérêt, de 1 à 5", .integer, required: true),
                Field("engagement", "Niveau d'engagement recherché", .choice(.engagement), help: "De l'information à la coconstruction, selon la place de l'acteur dans la matrice pouvoir / intérêt.", required: true),
            ], item: "Partie prenante"), help: "Le guide classe les acteurs selon leur pouvoir, leur légitimité et leur intérêt pour décider comment les associer."),
        ])

    static let elementsCles = Step(number: 3, title: "Éléments clés : valeurs, vision, mission, objectifs, priorités",
        intro: "Les éléments clés disent pourquoi et pour quoi la collectivité agit à l'international : ses valeurs, sa vision à la fin du mandat, sa mission, un objectif général et des objectifs spécifiques SMART, ses priorités géographiques et thématiques.",
        fields: [
            Field("valeurs", "Valeurs (une par ligne)", .lines, help: "Les principes qui guident l'action : réciprocité, solidarité, ouverture…"),
            Field("vision", "Vision", .paragraph, help: "Ce que la collectivité veut être dans son rapport au monde à la fin de la mandature.", required: true),
            Field("mission", "Mission", .paragraph, help: "Ce qu'elle fait, pour qui et comment, pour réaliser sa vision.", required: true),
            Field("objectif_general", "Objectif général", .paragraph, help: "Le changement de fond auquel la stratégie veut contribuer.", required: true),
            Field("objectifs_specifiques", "Objectifs spécifiques", .repeated([
                Field("id", "Identifiant (OS1, OS2…)", required: true),
                Field("intitule", "Intitulé", .paragraph, required: true),
                Field("indicateurs", "Indicateurs (identifiants séparés par des virgules : IND1, IND2)", .identifiers,
                      help: "Un objectif SMART est mesurable : citez au moins un indicateur de la grille (étape 4)."),
                Field("echeance", "Échéance (AAAA-MM)", .month, help: "Un objectif SMART est temporellement défini."),
            ], item: "Objectif spécifique"), help: "Spécifiques, mesurables, atteignables, réalistes et temporellement définis (SMART)."),
            Field("priorites_geographiques", "Priorités géographiques", .repeated([
                Field("pays", "Pays", required: true),
                Field("collectivite_partenaire", "Collectivité partenaire"),
                Field("motif", "Motif", .choice(.motif), required: true),
                Field("precision", "Précision"),
            ], item: "Priorité géographique")),
            Field("priorites_thematiques", "Priorités thématiques (une par ligne)", .lines),
        ])

    static let planification = Step(number: 4, title: "Cadre logique, indicateurs, financement, calendrier, suivi et évaluation",
        intro: "Le cadre logique relie l'objectif général aux résultats attendus et aux activités, chacun mesuré par des indicateurs ; le plan de financement et les évaluations programmées complètent la stratégie.",
        fields: [
            Field("mesure_objectif_general", "Mesure de l'objectif général", .group([
                Field("indicateurs", "Indicateurs (identifiants séparés par des virgules)", .identifiers),
                Field("sources_verification", "Sources de vérification (une par ligne)", .lines),
                Field("hypotheses", "Hypothèses (une par ligne)", .lines),
            ]), help: "Le cadre logique mesure aussi l'objectif général : au moins un indicateur, une source de vérification et une hypothèse."),
            Field("resultats", "Résultats attendus", .repeated([
                Field("id", "Identifiant (R1, R2…)", required: true),
                Field("objectif", "Objectif spécifique servi", .reference("objectifs_specifiques"), help: "Les objectifs de l'étape 3.", required: true),
                Field("intitule", "Intitulé", .paragraph, required: true),
                Field("indicateurs", "Indicateurs (identifiants séparés par des virgules)", .identifiers,
                      help: "Le guide recommande des indicateurs peu nombreux : trois au plus par résultat."),
                Field("sources_verification", "Sources de vérification (une par ligne)", .lines),
                Field("hypotheses", "Hypothèses (une par ligne)", .lines),
                Field("activites", "Activités", .repeated([
                    Field("intitule", "Intitulé", required: true),
                    Field("moyens", "Moyens"),
                    Field("cout", "Coût (euros)", .integer),
                    Field("responsable", "Responsable", help: "Le cadre logique attribue chaque activité à une personne responsable."),
                    Field("debut", "Début (AAAA-MM)", .month),
                    Field("fin", "Fin (AAAA-MM)", .month, help: "Dans la mandature."),
                ], item: "Activité"), required: true),
            ], item: "Résultat")),
            Field("indicateurs", "Grille des indicateurs", .repeated([
                Field("id", "Identifiant (IND1…)", required: true),
                Field("intitule", "Intitulé", .paragraph, required: true),
                Field("unite", "Unité"),
                Field("valeur_reference", "Valeur de référence (et son année)"),
                Field("valeur_cible", "Valeur cible"),
                Field("date_cible", "Date de la valeur cible (AAAA-MM)", .month),
                Field("periodicite", "Périodicité"),
                Field("sources", "Sources"),
            ], item: "Indicateur"), help: "La grille du guide décrit chaque indicateur par son unité, sa valeur de référence, sa valeur cible datée, sa périodicité et ses sources."),
            Field("financement", "Plan de financement", .repeated([
                Field("source", "Source", .choice(.source), required: true),
                Field("intitule", "Intitulé", required: true),
                Field("montant", "Montant sur la durée (euros)", .integer, required: true),
                Field("programme", "Programme européen (s'il y a lieu)"),
                Field("domaine", "Domaine du dispositif 1 % (s'il y a lieu)", .choice(.domaine)),
                Field("part_collectivite", "Part des collectivités, en % (FICOL)", .decimal),
                Field("duree_ans", "Durée en années (FICOL)", .decimal),
            ], item: "Ligne de financement"), help: "Des ressources cohérentes avec les actions : fonds propres, dispositifs 1 %, appels de la DAECT, FICOL, programmes européens."),
            Field("reseaux", "Réseaux mobilisés (un par ligne)", .lines),
            Field("communication", "Actions de communication (une par ligne)", .lines),
            Field("evaluations", "Évaluations", .group([
                Field("mi_parcours", "Évaluation à mi-parcours (AAAA-MM)", .month),
                Field("finale", "Évaluation finale (AAAA-MM)", .month),
            ]), help: "Le guide conseille une évaluation à mi-parcours et une évaluation finale, qui sert de base à la révision."),
        ])
}
