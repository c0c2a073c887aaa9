/// The guide's method as rules a strategy is checked against. Each rule has a stable
/// identifier (quoted in diagnostics, and usable in a CI log), the condition it checks as the
/// self-diagnosis grid states it, and the guide's advice. Eligibility rules (FICOL, 1 %)
/// are errors: such a funding plan cannot be submitted. Method rules are warnings, listed in
/// the document's « grille d'auto-diagnostic ».
struct StrategyRule: Sendable, Hashable {
    let id: String
    let severity: Diagnostic.Severity
    /// The condition met by a strategy that follows the guide, as the grid lists it.
    let condition: String
    /// The guide's advice, quoted in the diagnostic's hint.
    let advice: String

    static let generalObjective = StrategyRule(id: "objectif-general-mesure", severity: .warning,
        condition: "L'objectif général a ses indicateurs, ses sources de vérification et ses hypothèses",
        advice: "le cadre logique mesure aussi l'objectif général : donnez-lui au moins un indicateur, une source de vérification et une hypothèse (mesure_objectif_general)")
    static let smartIndicator = StrategyRule(id: "objectif-mesurable", severity: .warning,
        condition: "Chaque objectif spécifique est mesuré par au moins un indicateur",
        advice: "le guide veut des objectifs SMART : spécifiques, mesurables, atteignables, réalistes et temporellement définis ; ajoutez un indicateur de la grille")
    static let smartDeadline = StrategyRule(id: "objectif-date", severity: .warning,
        condition: "Chaque objectif spécifique a une échéance",
        advice: "un objectif SMART est temporellement défini : fixez une échéance (echeance: AAAA-MM)")
    static let completeIndicator = StrategyRule(id: "indicateur-complet", severity: .warning,
        condition: "Chaque indicateur renseigne unité, valeur de référence, valeur cible datée, périodicité et sources",
        advice: "la grille du guide décrit chaque indicateur par son unité, sa valeur de référence, sa valeur cible à une date, sa périodicité et ses sources")
    static let fewIndicators = StrategyRule(id: "indicateurs-peu-nombreux", severity: .warning,
        condition: "Au plus \(FrenchWording.number(StrategyRule.indicatorsPerLevel)) indicateurs par objectif ou par résultat",
        advice: "le guide recommande des indicateurs peu nombreux, simples, faciles à vérifier et peu coûteux ; gardez les plus parlants")
    static let midTermEvaluation = StrategyRule(id: "evaluations-programmees", severity: .warning,
        condition: "Une évaluation à mi-parcours et une évaluation finale sont programmées",
        advice: "le guide conseille une évaluation à mi-parcours et une évaluation finale, qui sert de base à la révision")
    static let evaluationInMandate = StrategyRule(id: "evaluation-mandature", severity: .warning,
        condition: "Les évaluations ont lieu pendant la mandature",
        advice: "chaque mandat a sa version de la stratégie : placez les évaluations entre le début et la fin de la mandature")
    static let activityOwner = StrategyRule(id: "activite-responsable", severity: .warning,
        condition: "Chaque activité a un responsable",
        advice: "le cadre logique attribue chaque activité à une personne responsable")
    static let activityDuration = StrategyRule(id: "activite-duree", severity: .warning,
        condition: "Chaque activité a un début et une fin, dans la mandature",
        advice: "le cadre logique planifie chaque activité dans le temps : indiquez debut et fin (AAAA-MM), dans la mandature")
    static let completeSWOT = StrategyRule(id: "afom-complet", severity: .warning,
        condition: "Le diagnostic AFOM renseigne atouts, faiblesses, opportunités et menaces",
        advice: "le diagnostic AFOM examine les quatre dimensions ; une case vide signale une question à reposer aux services et aux partenaires")
    static let deliberation = StrategyRule(id: "deliberation", severity: .warning,
        condition: "L'adoption de la stratégie par une délibération est prévue",
        advice: "le guide recommande de caler la stratégie sur la durée du mandat et de la faire adopter par une délibération (deliberation: AAAA-MM)")
    static let ficolAmount = StrategyRule(id: "ficol-montant", severity: .error,
        condition: "Les projets FICOL sont dans la fourchette de l'AFD",
        advice: "la FICOL finance des projets dont le montant est compris dans la fourchette fixée par l'AFD")
    static let ficolShare = StrategyRule(id: "ficol-part-collectivites", severity: .error,
        condition: "Les collectivités apportent la part minimale d'un projet FICOL",
        advice: "la FICOL demande une part minimale apportée par les collectivités (part_collectivite, en %)")
    static let ficolDuration = StrategyRule(id: "ficol-duree", severity: .error,
        condition: "Les projets FICOL ne dépassent pas la durée maximale",
        advice: "la FICOL finance des projets d'une durée limitée (duree_ans)")
    static let onePercentDomain = StrategyRule(id: "un-pourcent-domaine", severity: .error,
        condition: "Chaque financement 1 % relève de l'un de ses domaines",
        advice: "le dispositif 1 % ne porte que sur l'eau et l'assainissement, l'énergie, les déchets et les transports")
    static let onePercentType = StrategyRule(id: "un-pourcent-collectivite", severity: .error,
        condition: "Le dispositif 1 % choisi est ouvert à ce type de collectivité",
        advice: "chaque dispositif 1 % est réservé aux collectivités compétentes dans son domaine")

    /// The rules, in the order of the self-diagnosis grid.
    static let all: [StrategyRule] = [
        deliberation, completeSWOT, generalObjective, smartIndicator, smartDeadline, completeIndicator, fewIndicators,
        activityOwner, activityDuration, midTermEvaluation, evaluationInMandate,
        ficolAmount, ficolShare, ficolDuration, onePercentDomain, onePercentType,
    ]

    /// Why the condition does not concern `strategy`, or nil when it does: the grid then shows
    /// it « sans objet » rather than met (a plan with no FICOL line meets no FICOL condition).
    func notApplicable(to strategy: Strategy) -> String? {
        let sources = Set(strategy.financement.map(\.source))
        let activities = strategy.resultats.reduce(0) { $0 + $1.activites.count }
        switch self {
        case .ficolAmount, .ficolShare, .ficolDuration:
            return sources.contains(.ficol) ? nil : "le plan de financement ne compte aucun projet FICOL"
        case .onePercentDomain, .onePercentType:
            return sources.contains(.dispositif1Pourcent) ? nil : "le plan de financement ne recourt pas au dispositif 1 %"
        case .smartIndicator, .smartDeadline:
            return strategy.objectifsSpecifiques.isEmpty ? "aucun objectif spécifique n'est encore défini" : nil
        case .completeIndicator:
            return strategy.indicateurs.isEmpty ? "aucun indicateur n'est encore défini" : nil
        case .fewIndicators:
            return strategy.objectifsSpecifiques.isEmpty && strategy.resultats.isEmpty ? "aucun objectif ni résultat n'est encore défini" : nil
        case .activityOwner, .activityDuration:
            return activities == 0 ? "aucune activité n'est encore programmée" : nil
        case .evaluationInMandate:
            return strategy.evaluations?.miParcours == nil && strategy.evaluations?.finale == nil ? "aucune évaluation n'est encore datée" : nil
        default:
            return nil
        }
    }

    /// "More than a handful": beyond this many indicators on one objective or result.
    static let indicatorsPerLevel = 3

    /// A finding of this rule at `location`: `[id] message`, with the guide's advice as hint.
    func finding(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(severity, file: location.file, line: location.line, column: location.column, message: "[\(id)] \(message)", hint: advice)
    }
}
