import Foundation

/// One collectivité's strategy on its way to its document: the checked data, what the
/// components draw from, and the values the templates of `Templates/strategie/` see.
struct StrategyDocument: Sendable {
    let strategy: Strategy
    let guide: GuideReference
    /// How many times each rule of the guide was broken (absent: the condition is met).
    let broken: [String: Int]
    /// The guide's passages for this type of collectivité.
    let passages: [GuidePassage]

    /// `collectivite` in the templates: the data file's values, formatted for reading
    /// (dates in words, amounts in euros); absent optional values are `false`.
    var context: [String: Any] {
        let s = strategy
        let portage = s.portage
        let model = guide.model(portage.rattachement.value)
        let indicatorNames = Dictionary(s.indicateurs.map { ($0.id, $0.intitule) }, uniquingKeysWith: { first, _ in first })
        func list(_ values: [String]?) -> Any { (values ?? []).isEmpty ? false : values! }
        let total = s.financement.reduce(0) { $0 + $1.montant }
        let activities = s.resultats.reduce(0) { $0 + $1.activites.count }
        let name = s.collectivite.nom
        let assembly = Deliberation(strategy: s, guide: guide).assembly
        let years = s.mandature.fin - s.mandature.debut + 1
        return [
            "nom": name,
            "nom_sujet": FrenchWording.subject(name),
            "nom_article": FrenchWording.withArticle(name),
            "de_nom": FrenchWording.of(name),
            "type": s.collectivite.type.label,
            "type_en_texte": s.collectivite.type.label.lowercased(),
            "assemblee": FrenchWording.capitalized(assembly.name),
            "assemblee_en_texte": assembly.name.prefix(1).lowercased() + assembly.name.dropFirst(),
            "a_l_assemblee": assembly.name.hasPrefix("Le ") ? "au " + assembly.name.dropFirst(3) : "à l" + assembly.name.dropFirst(2),
            "signataire": FrenchWording.capitalized(assembly.executive),
            "famille": s.collectivite.type.family.rawValue,
            "population": Money.grouped(s.collectivite.population),
            "mandature": ["debut": String(s.mandature.debut), "fin": String(s.mandature.fin)],
            "deliberation": (s.deliberation?.frenchWhen).map { $0 as Any } ?? false,
            "portage": [
                "elu": portage.elu,
                "service": portage.service,
                "rattachement": model?.nom ?? portage.rattachement.value,
                "rattachement_en_texte": Self.placement[portage.rattachement.value] ?? "relève du modèle « \(model?.nom ?? portage.rattachement.value) » du guide",
                "etp": Money.number(portage.etp),
                "etp_en_texte": portage.etp == portage.etp.rounded() && portage.etp < 10
                    ? FrenchWording.count(Int(portage.etp), "équivalent temps plein", "équivalents temps plein")
                    : Money.number(portage.etp) + " équivalents temps plein",
                "mode_projet": portage.modeProjet,
                "referents": list(portage.referents),
            ] as [String: Any],
            "valeurs": list(s.valeurs),
            "vision": Self.sentence(s.vision),
            "mission": Self.sentence(s.mission),
            "objectif_general": Self.sentence(s.objectifGeneral),
            "objectifs_specifiques": s.objectifsSpecifiques.map { objective -> [String: Any] in
                [
                    "id": objective.id,
                    "intitule": objective.intitule,
                    "echeance": (objective.echeance?.french).map { $0 as Any } ?? false,
                    "indicateurs": list(objective.indicateurs?.map { indicatorNames[$0.value] ?? $0.value }),
                ]
            },
            "priorites_geographiques": s.prioritesGeographiques.map { priority -> [String: Any] in
                [
                    "pays": priority.pays,
                    "collectivite_partenaire": priority.collectivitePartenaire ?? "—",
                    "motif": priority.motif.label,
                    "precision": priority.precision ?? "",
                ]
            },
            "priorites_thematiques": list(s.prioritesThematiques),
            "reseaux": list(s.reseaux),
            "communication": list(s.communication),
            "evaluations": [
                "mi_parcours": (s.evaluations?.miParcours?.value.french).map { $0 as Any } ?? false,
                "finale": (s.evaluations?.finale?.value.french).map { $0 as Any } ?? false,
            ] as [String: Any],
            "chiffres": [
                "financement_total": Money.euros(total),
                "activites": FrenchWording.count(activities, "activité", "activités", feminine: true),
                "indicateurs": FrenchWording.count(s.indicateurs.count, "indicateur", "indicateurs"),
                "parties_prenantes": FrenchWording.count(s.partiesPrenantes.count, "partie prenante identifiée", "parties prenantes identifiées", feminine: true),
                "objectifs": FrenchWording.count(s.objectifsSpecifiques.count, "objectif spécifique", "objectifs spécifiques"),
                "pays": FrenchWording.count(Set(s.prioritesGeographiques.map(\.pays)).count, "pays partenaire", "pays partenaires"),
                "annees": FrenchWording.count(years, "année", "années", feminine: true),
            ],
            "personnel": staffContext(years: years),
            "gouvernance": governanceContext,
        ]
    }
}

extension StrategyDocument {
    /// « est rattachée à la direction générale des services »: the service's place in words,
    /// by rattachement (`rattachements.yml`), where the model's name would read as jargon.
    static let placement: [String: String] = [
        "dgs": "est rattachée à la direction générale des services",
        "direction_fonctionnelle": "est rattachée à une direction fonctionnelle",
        "direction_operationnelle": "est rattachée à une direction opérationnelle",
        "cabinet": "est rattachée au cabinet",
        "elus": "travaille directement auprès des élus délégués",
    ]

    /// The cost of the staff: full-time equivalents × the yearly cost the file gives, a year and
    /// over the mandature; `false` when the file gives no cost.
    func staffContext(years: Int) -> Any {
        guard let cost = strategy.portage.coutAnnuelEtp else { return false }
        let yearly = Int((strategy.portage.etp * Double(cost)).rounded())
        return ["cout_etp": Money.euros(cost), "annuel": Money.euros(yearly), "mandature": Money.euros(yearly * years)] as [String: Any]
    }

    /// The governance the file describes, ready for reading; `false` when it says nothing.
    var governanceContext: Any {
        guard let governance = strategy.gouvernance else { return false }
        func list(_ values: [String]?) -> Any { (values ?? []).isEmpty ? false : values! }
        let members = governance.comitePilotage ?? []
        guard governance.presidence != nil || !members.isEmpty || governance.reunions != nil || !(governance.compteRendu ?? []).isEmpty else { return false }
        return [
            "presidence": governance.presidence.map { $0 as Any } ?? false,
            "membres": list(members),
            "a_membres": !members.isEmpty,
            "reunions": governance.reunions.map { $0 as Any } ?? false,
            "compte_rendu": list(governance.compteRendu),
            "a_compte_rendu": !(governance.compteRendu ?? []).isEmpty,
        ] as [String: Any]
    }

    /// The text as a sentence: a final full stop added when it has none, so that templates
    /// never write « ….. » nor leave a sentence open.
    static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last, !".!?…".contains(last) else { return trimmed }
        return trimmed + "."
    }
}

extension StrategyDocument {
    /// The strategy components, bound to this document: what its chapters' component calls draw from.
    var components: [any Component] { StrategyComponents.all.map { $0.init(document: self) } }
}

/// A `selon-type` passage of the guide: the advice for some families of collectivité.
struct GuidePassage: Sendable {
    /// Title of the guide chapter it comes from.
    let chapter: String
    let types: [CollectiviteFamily]
    /// Its text, Mustache expanded, its cross-references resolved to the guide's pages; the
    /// strategy document's passes mark its acronyms and set its typography.
    let blocks: [Block]
    /// What it talks about, read from its text: figures of the France urbaine survey, the 1 %.
    var citesSurvey = false
    var aboutOnePercent = false

    init(chapter: String, types: [CollectiviteFamily], blocks: [Block], markdown: String = "") {
        self.chapter = chapter
        self.types = types
        self.blocks = blocks
        // The survey's figures: a percentage or an amount beside the survey's name.
        citesSurvey = markdown.contains("France urbaine") && markdown.range(of: #"[0-9]{2,} ?%"#, options: .regularExpression) != nil
        aboutOnePercent = markdown.range(of: #"\b1 ?%"#, options: .regularExpression) != nil
    }

    /// The passages a collectivité's document keeps: those for its family, chosen by what they
    /// say — no survey of big cities for a collectivité the survey does not compare with, no
    /// advice on the 1 % to a commune or intercommunalité whose plan does not use it.
    static func chosen(_ passages: [GuidePassage], for strategy: Strategy, survey: GuideReference.Survey?) -> [GuidePassage] {
        let family = strategy.collectivite.type.family
        let comparable = survey.map { strategy.collectivite.population >= $0.enquete.populationComparableMin } ?? false
        let usesOnePercent = strategy.financement.contains { $0.source == .dispositif1Pourcent }
        let onePercentOpen = family == .commune || family == .intercommunalite
        return passages.filter { passage in
            guard passage.types.contains(family) else { return false }
            if passage.citesSurvey && !comparable { return false }
            if passage.aboutOnePercent && onePercentOpen && !usesOnePercent { return false }
            return true
        }
    }
}
