/// Checks a decoded strategy: references between its parts (errors: an id that does not
/// exist), then the guide's rules. Every finding points at the line it concerns.
struct StrategyCheck {
    let strategy: Strategy
    let guide: GuideReference
    /// Where the file starts, for findings about something missing from it.
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    /// How many times each rule was broken (the self-diagnosis grid shows the others as met).
    private(set) var broken: [String: Int] = [:]

    init(_ strategy: Strategy, guide: GuideReference, file: String) {
        self.strategy = strategy
        self.guide = guide
        self.file = file
        checkReferences()
        checkMethod()
        checkFunding()
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    private mutating func error(_ message: String, at location: SourceLocation, hint: String) {
        diagnostics.append(location.error(message, hint: hint))
    }

    private mutating func report(_ rule: StrategyRule, _ message: String, at location: SourceLocation) {
        diagnostics.append(rule.finding(message, at: location))
        broken[rule.id, default: 0] += 1
    }

    // MARK: References

    private mutating func checkReferences() {
        let start = SourceLocation(file: file, line: 1)
        if strategy.mandature.fin < strategy.mandature.debut {
            error("la mandature finit (\(strategy.mandature.fin)) avant de commencer (\(strategy.mandature.debut))", at: start, hint: "vérifiez mandature.debut et mandature.fin")
        }
        for stakeholder in strategy.partiesPrenantes {
            for (name, value) in [("pouvoir", stakeholder.pouvoir), ("legitimite", stakeholder.legitimite), ("interet", stakeholder.interet)] where !(1...5).contains(value) {
                error("« \(name) » de « \(stakeholder.nom) » vaut \(value) : l'échelle va de 1 (faible) à 5 (fort)", at: stakeholder.location, hint: "choisissez une valeur de 1 à 5")
            }
        }
        // Amounts and staff out of range (negative, huge) are decoding errors: see `ValueBounds`.
        let rattachement = strategy.portage.rattachement
        if guide.model(rattachement.value) == nil {
            error("rattachement « \(rattachement.value) » inconnu", at: rattachement.location, hint: Suggestion.hint(for: rattachement.value, in: guide.models.map(\.id), noun: "rattachements"))
        }
        let levels = guide.engagementLevels.map(\.id)
        for stakeholder in strategy.partiesPrenantes where !levels.contains(stakeholder.engagement.value) {
            error("niveau d'engagement « \(stakeholder.engagement.value) » inconnu pour « \(stakeholder.nom) »", at: stakeholder.engagement.location, hint: Suggestion.hint(for: stakeholder.engagement.value, in: levels, noun: "niveaux"))
        }
        let indicators = unique(strategy.indicateurs.map { ($0.id, $0.location) }, noun: "indicateur")
        let objectives = unique(strategy.objectifsSpecifiques.map { ($0.id, $0.location) }, noun: "objectif")
        _ = unique(strategy.resultats.map { ($0.id, $0.location) }, noun: "résultat")
        checkIndicators(strategy.mesureObjectifGeneral?.indicateurs ?? [], of: "l'objectif général", known: indicators)
        for objective in strategy.objectifsSpecifiques {
            checkIndicators(objective.indicateurs ?? [], of: "l'objectif « \(objective.id) »", known: indicators)
        }
        for result in strategy.resultats {
            if !objectives.contains(result.objectif.value) {
                error("le résultat « \(result.id) » sert un objectif « \(result.objectif.value) » qui n'existe pas", at: result.objectif.location, hint: Suggestion.hint(for: result.objectif.value, in: objectives.sorted(), noun: "objectifs"))
            }
            checkIndicators(result.indicateurs ?? [], of: "le résultat « \(result.id) »", known: indicators)
        }
    }

    /// The ids, each reported once when it is used twice.
    private mutating func unique(_ entries: [(String, SourceLocation)], noun: String) -> Set<String> {
        var seen: Set<String> = []
        for (id, location) in entries where !seen.insert(id).inserted {
            error("\(noun) « \(id) » défini deux fois", at: location, hint: "donnez à chaque \(noun) un identifiant unique")
        }
        return seen
    }

    private mutating func checkIndicators(_ ids: [Located<String>], of owner: String, known: Set<String>) {
        for id in ids where !known.contains(id.value) {
            error("\(owner) cite un indicateur « \(id.value) » qui n'existe pas", at: id.location, hint: Suggestion.hint(for: id.value, in: known.sorted(), noun: "indicateurs"))
        }
    }

    // MARK: The guide's method

    private mutating func checkMethod() {
        let start = SourceLocation(file: file, line: 1)
        let mandate = strategy.mandature
        if strategy.deliberation == nil {
            report(.deliberation, "aucune délibération n'est prévue pour adopter la stratégie", at: start)
        }
        let swot = strategy.diagnostic
        let empty = [("atouts", swot.forces), ("faiblesses", swot.faiblesses), ("opportunités", swot.opportunites), ("menaces", swot.menaces)].filter { $0.1.isEmpty }.map(\.0)
        if !empty.isEmpty {
            report(.completeSWOT, "diagnostic AFOM sans \(empty.joined(separator: ", "))", at: start)
        }
        let measure = strategy.mesureObjectifGeneral
        let unmeasured = [("indicateur", "d'indicateur", measure?.indicateurs?.isEmpty ?? true), ("source de vérification", "de source de vérification", measure?.sourcesVerification?.isEmpty ?? true),
                          ("hypothèse", "d'hypothèse", measure?.hypotheses?.isEmpty ?? true)].filter(\.2)
        if unmeasured.count == 1 {
            report(.generalObjective, "l'objectif général n'a pas \(unmeasured[0].1)", at: start)
        } else if !unmeasured.isEmpty {
            report(.generalObjective, "l'objectif général n'a ni \(unmeasured.map(\.0).joined(separator: " ni "))", at: start)
        }
        for objective in strategy.objectifsSpecifiques {
            let count = objective.indicateurs?.count ?? 0
            if count == 0 { report(.smartIndicator, "l'objectif « \(objective.id) » n'a pas d'indicateur : il n'est pas SMART", at: objective.location) }
            if count > StrategyRule.indicatorsPerLevel { report(.fewIndicators, "l'objectif « \(objective.id) » a \(count) indicateurs", at: objective.location) }
            if objective.echeance == nil { report(.smartDeadline, "l'objectif « \(objective.id) » n'a pas d'échéance : il n'est pas SMART", at: objective.location) }
        }
        for result in strategy.resultats {
            let count = result.indicateurs?.count ?? 0
            if count > StrategyRule.indicatorsPerLevel { report(.fewIndicators, "le résultat « \(result.id) » a \(count) indicateurs", at: result.location) }
            for activity in result.activites {
                if (activity.responsable ?? "").isEmpty {
                    report(.activityOwner, "l'activité « \(activity.intitule) » n'a pas de responsable", at: activity.location)
                }
                if let start = activity.debut, let end = activity.fin {
                    if end < start {
                        report(.activityDuration, "l'activité « \(activity.intitule) » finit (\(end.french)) avant de commencer (\(start.french))", at: activity.location)
                    } else if start.year < mandate.debut || end.year > mandate.fin {
                        report(.activityDuration, "l'activité « \(activity.intitule) » (\(start.french) – \(end.french)) déborde la mandature \(mandate.debut)-\(mandate.fin)", at: activity.location)
                    }
                } else {
                    report(.activityDuration, "l'activité « \(activity.intitule) » n'a pas de \(activity.debut == nil ? "début" : "fin")", at: activity.location)
                }
            }
        }
        for indicator in strategy.indicateurs {
            let value = indicator.value
            let missing = [("unité", value.unite), ("valeur de référence", value.valeurReference), ("valeur cible", value.valeurCible),
                           ("date de la valeur cible", value.dateCible?.description), ("périodicité", value.periodicite), ("sources", value.sources)]
                .filter { ($0.1 ?? "").isEmpty }.map(\.0)
            if !missing.isEmpty {
                // Unité, valeur, date, périodicité, sources: all feminine.
                report(.completeIndicator, "l'indicateur « \(indicator.id) » est incomplet : \(missing.joined(separator: ", ")) manquante\(missing.count > 1 ? "s" : "")", at: indicator.location)
            }
        }
        let evaluations = strategy.evaluations
        if evaluations?.miParcours == nil || evaluations?.finale == nil {
            let missing = [evaluations?.miParcours == nil ? "à mi-parcours" : nil, evaluations?.finale == nil ? "finale" : nil].compactMap { $0 }
            report(.midTermEvaluation, "pas d'évaluation \(missing.joined(separator: " ni d'évaluation "))", at: start)
        }
        for evaluation in [evaluations?.miParcours, evaluations?.finale].compactMap({ $0 }) where evaluation.value.year < mandate.debut || evaluation.value.year > mandate.fin {
            report(.evaluationInMandate, "évaluation prévue en \(evaluation.value.french), hors de la mandature \(mandate.debut)-\(mandate.fin)", at: evaluation.location)
        }
    }

    // MARK: Funding eligibility

    private mutating func checkFunding() {
        let family = strategy.collectivite.type.family
        for line in strategy.financement {
            switch line.source {
            case .ficol:
                guard let terms = guide.ficol else { continue }
                if !(terms.montantMin...terms.montantMax).contains(line.montant) {
                    report(.ficolAmount, "FICOL « \(line.intitule) » de \(Money.euros(line.montant)) : les projets FICOL vont de \(terms.montantMinTexte) à \(terms.montantMaxTexte)", at: line.montantLocation ?? line.location)
                }
                if let share = line.partCollectivite, share >= terms.partCollectivitesMin {} else {
                    let stated = line.partCollectivite.map { "\(Money.number($0)) %" } ?? "non indiquée"
                    report(.ficolShare, "FICOL « \(line.intitule) » : part des collectivités \(stated), au moins \(Money.number(terms.partCollectivitesMin)) % demandés", at: line.location)
                }
                if let years = line.dureeAns, years <= terms.dureeMaxAns {} else {
                    let stated = line.dureeAns.map { "\(Money.number($0)) ans" } ?? "non indiquée"
                    report(.ficolDuration, "FICOL « \(line.intitule) » : durée \(stated), \(Money.number(terms.dureeMaxAns)) ans au plus", at: line.location)
                }
            case .dispositif1Pourcent:
                let domains = guide.onePercent.map(\.domaine)
                guard let domain = line.domaine, let scheme = guide.scheme(domain.value) else {
                    let written = line.domaine.map { "« \($0.value) »" } ?? "non indiqué"
                    report(.onePercentDomain, "financement 1 % « \(line.intitule) » : domaine \(written) ; domaines possibles : \(domains.joined(separator: ", "))", at: line.domaine?.location ?? line.location)
                    continue
                }
                if !scheme.collectivitesEligibles.contains(family) {
                    let open = scheme.collectivitesEligibles.map(\.plural).joined(separator: " et ")
                    report(.onePercentType, "le \(scheme.nom) est ouvert aux \(open), pas aux \(family.plural)", at: domain.location)
                }
            default:
                break
            }
        }
    }
}
