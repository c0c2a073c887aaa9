/// The components of strategy documents (`Templates/strategie/`): they draw from the
/// collectivité's checked strategy rather than from a `source:` path, and take no parameters.
/// A strategy document registers them, bound to its own data (`StrategyDocument.components`).
protocol StrategyComponent: Component {
    /// The name authors write after the opening fence.
    static var componentName: String { get }
    var document: StrategyDocument { get }
    init(document: StrategyDocument)
    /// The blocks drawn from the strategy.
    func blocks() -> [Block]
}

extension StrategyComponent {
    var name: String { Self.componentName }

    func blocks(for request: ComponentRequest) -> [Block]? {
        guard request.parameters(NoParameters.self) != nil else { return nil }
        return blocks()
    }
}

/// Every strategy component's type, in the order of the document.
enum StrategyComponents {
    static let all: [any StrategyComponent.Type] = [SWOTComponent.self, StakeholderComponent.self, LogicalFramework.self, IndicatorGrid.self,
                                                    ChosenOrganisation.self, FundingPlan.self, TimelineComponent.self, BudgetByYear.self, SurveyBenchmark.self,
                                                    SelfAssessment.self, GuidePassages.self]
    /// Their names, which the guide's component set knows as belonging to strategy documents.
    static let names = all.map { $0.componentName }
}

/// A table being built by a strategy component: caption, column headers, rows of text cells.
struct TableBuilder {
    var table: Table

    init(caption: String, headers: [String], className: String) {
        table = Table(caption: [.text(caption)], head: [TableRow(cells: headers.map { TableCell(.columnHeader, [.text($0)]) })])
        self.className = className
    }

    private let className: String

    /// A row of texts; the first cell heads it. `nil` cells show a dash.
    mutating func row(_ cells: [String?], className: String? = nil) {
        rich(cells.map { [.text($0 ?? "—")] }, className: className)
    }

    /// A row whose cells are inlines; the first cell heads it.
    mutating func rich(_ cells: [[Inline]], className: String? = nil) {
        cellsRow(cells.map { [.plain($0)] }, className: className)
    }

    /// A row whose cells are blocks; the first cell heads it.
    mutating func cellsRow(_ cells: [[Block]], className: String? = nil) {
        let row = cells.enumerated().map { TableCell($0.offset == 0 ? .rowHeader : .data, blocks: $0.element) }
        table.body.append(TableRow(attributes: className.map { .classes($0) } ?? .none, cells: row))
    }

    /// A bulleted list in a cell (a single item as plain text), or a dash.
    static func list(_ items: [String]?) -> [Block] {
        guard let items, !items.isEmpty else { return [.plain([.text("—")])] }
        return items.count == 1 ? [.plain([.text(items[0])])] : [.list(List(items: items.map { ListItem(blocks: [.plain([.text($0)])]) }))]
    }

    /// The table in its frame, with a footer row of texts when given.
    func finished(footer: [String]? = nil) -> Block {
        var table = table
        if let footer { table.foot = [TableRow(cells: footer.enumerated().map { TableCell($0.offset == 0 ? .rowHeader : .data, [.text($0.element)]) })] }
        return .figure(Figure(attributes: .classes("tableau", className), content: [.table(table)]))
    }
}

/// `cadre-logique`: the logical framework — general objective, specific objectives, expected
/// results with indicators, sources of verification and assumptions, then the activities.
struct LogicalFramework: StrategyComponent {
    static let componentName = "cadre-logique"
    let document: StrategyDocument

    func blocks() -> [Block] {
        let strategy = document.strategy
        let names = Dictionary(strategy.indicateurs.map { ($0.id, $0.intitule) }, uniquingKeysWith: { first, _ in first })
        let sources = Dictionary(strategy.indicateurs.compactMap { indicator in indicator.sources.map { (indicator.id, $0) } }, uniquingKeysWith: { first, _ in first })
        var table = TableBuilder(caption: "Cadre logique de la stratégie",
                                 headers: ["Logique d'intervention", "Indicateurs objectivement vérifiables", "Sources de vérification", "Hypothèses"],
                                 className: "cadre-logique")
        func level(_ label: String, _ text: String) -> [Block] { [.plain([.span(.classes("niveau"), [.text(label)]), .text(" "), .text(text)])] }
        let dash: [Block] = [.plain([.text("—")])]
        let measure = strategy.mesureObjectifGeneral
        table.cellsRow([level("Objectif général", strategy.objectifGeneral), TableBuilder.list(measure?.indicateurs?.map { names[$0.value] ?? $0.value }),
                        TableBuilder.list(measure?.sourcesVerification), TableBuilder.list(measure?.hypotheses)], className: "niveau-general")
        for objective in strategy.objectifsSpecifiques {
            let indicators = objective.indicateurs?.map { names[$0.value] ?? $0.value }
            // An objective's sources of verification are those of its indicators.
            let verification = objective.indicateurs?.compactMap { sources[$0.value] }
            table.cellsRow([level(objective.id, objective.intitule), TableBuilder.list(indicators), TableBuilder.list(verification), dash], className: "niveau-objectif")
            for result in strategy.resultats where result.objectif.value == objective.id {
                table.cellsRow([level(result.id, result.intitule), TableBuilder.list(result.indicateurs?.map { names[$0.value] ?? $0.value }),
                                TableBuilder.list(result.sourcesVerification), TableBuilder.list(result.hypotheses)], className: "niveau-resultat")
            }
        }
        var activities = TableBuilder(caption: "Activités : moyens, coûts, responsables et calendrier",
                                      headers: ["Activité", "Résultat", "Moyens", "Coût", "Responsable", "Période"], className: "activites")
        var total = 0
        for result in strategy.resultats {
            for activity in result.activites {
                total += activity.cout ?? 0
                let period = [activity.debut?.french, activity.fin?.french].compactMap { $0 }.joined(separator: " – ")
                activities.row([activity.intitule, result.id, activity.moyens, activity.cout.map(Money.euros), activity.responsable, period.isEmpty ? nil : period])
            }
        }
        return [table.finished(), activities.finished(footer: ["Total", "", "", Money.euros(total), "", ""])]
    }
}

/// `grille-indicateurs`: each indicator with the columns of the guide's grid.
struct IndicatorGrid: StrategyComponent {
    static let componentName = "grille-indicateurs"
    let document: StrategyDocument

    func blocks() -> [Block] {
        var table = TableBuilder(caption: "Grille des indicateurs de suivi et d'évaluation",
                                 headers: ["Indicateur", "Unité", "Valeur de référence", "Valeur cible", "Périodicité", "Sources"], className: "grille-indicateurs")
        for indicator in document.strategy.indicateurs {
            let value = indicator.value
            let target = [value.valeurCible, value.dateCible.map { "(\($0.french))" }].compactMap { $0 }.joined(separator: " ")
            table.row(["\(value.id) — \(value.intitule)", value.unite, value.valeurReference, target.isEmpty ? nil : target, value.periodicite, value.sources])
        }
        return [table.finished()]
    }
}

/// `organisation`: the rattachement chosen, with its advantages and constraints from the guide.
struct ChosenOrganisation: StrategyComponent {
    static let componentName = "organisation"
    let document: StrategyDocument

    func blocks() -> [Block] {
        guard let model = document.guide.model(document.strategy.portage.rattachement.value) else { return [] }
        var table = TableBuilder(caption: "Rattachement retenu : \(model.nom)", headers: ["Ce que le guide en dit", "Points"], className: "organisation")
        table.cellsRow([[.plain([.text("Avantages")])], TableBuilder.list(model.avantages)])
        table.cellsRow([[.plain([.text("Contraintes à anticiper")])], TableBuilder.list(model.contraintes)])
        return [table.finished()]
    }
}

/// `grille-auto-diagnostic`: which of the guide's conditions the strategy meets.
struct SelfAssessment: StrategyComponent {
    static let componentName = "grille-auto-diagnostic"
    let document: StrategyDocument

    func blocks() -> [Block] {
        var table = TableBuilder(caption: "Grille d'auto-diagnostic : les conditions du guide", headers: ["Condition", "État"], className: "auto-diagnostic")
        for rule in StrategyRule.all {
            let state = Self.state(of: rule, in: document)
            table.rich([[.text(rule.condition)], [.span(.classes(state.className), [.text(state.text)])]], className: state.className)
        }
        return [table.finished()]
    }

    /// What the grid says of `rule`: met, to review (how many points), or not applicable (why).
    /// A condition is met only when it applies and no finding broke it.
    static func state(of rule: StrategyRule, in document: StrategyDocument) -> (text: String, className: String) {
        let count = document.broken[rule.id] ?? 0
        if count > 0 { return ("✗ à revoir (\(FrenchWording.count(count, "point", "points")))", "a-revoir") }
        if let reason = rule.notApplicable(to: document.strategy) { return ("sans objet : \(reason)", "sans-objet") }
        return ("✓ remplie", "rempli")
    }
}

/// `passages-du-guide`: the guide's advice written for this type of collectivité.
struct GuidePassages: StrategyComponent {
    static let componentName = "passages-du-guide"
    let document: StrategyDocument

    func blocks() -> [Block] {
        document.passages.map { passage in
            PassageByType.callout(label: [.text("Guide, « \(passage.chapter) »")], blocks: passage.blocks)
        } + GuideDataPassages(strategy: document.strategy, guide: document.guide).blocks
    }
}
