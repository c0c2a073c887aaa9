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
        return [
            "nom": s.collectivite.nom,
            "type": s.collectivite.type.label,
            "type_en_texte": s.collectivite.type.label.lowercased(),
            "famille": s.collectivite.type.family.rawValue,
            "population": Money.grouped(s.collectivite.population),
            "mandature": ["debut": String(s.mandature.debut), "fin": String(s.mandature.fin)],
            "deliberation": (s.deliberation?.frenchWhen).map { $0 as Any } ?? false,
            "portage": [
                "elu": portage.elu,
                "service": portage.service,
                "rattachement": model?.nom ?? portage.rattachement.value,
                "etp": Money.number(portage.etp),
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
                    "echeance": (objective.echeance?.frenchWhen).map { $0 as Any } ?? false,
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
                "activites": String(activities),
                "indicateurs": String(s.indicateurs.count),
                "parties_prenantes": String(s.partiesPrenantes.count),
                "objectifs": String(s.objectifsSpecifiques.count),
                "pays": String(Set(s.prioritesGeographiques.map(\.pays)).count),
            ],
        ]
    }
}

extension StrategyDocument {
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
}
