/// The strategy components drawn as figures: the AFOM grid, the stakeholder matrix, the
/// funding plan with its bar chart and the chronogramme (charts in `Charts/`).

/// `afom`: the diagnostic as a 2×2 grid.
struct SWOTComponent: StrategyComponent {
    static let componentName = "afom"
    let document: StrategyDocument

    func blocks() -> [Block] {
        let swot = document.strategy.diagnostic
        return [SWOTGrid.figure(forces: swot.forces, faiblesses: swot.faiblesses, opportunites: swot.opportunites, menaces: swot.menaces)]
    }
}

/// `matrice-parties-prenantes`: power/interest matrix, then the table of stakeholders.
struct StakeholderComponent: StrategyComponent {
    static let componentName = "matrice-parties-prenantes"
    let document: StrategyDocument

    func blocks() -> [Block] {
        let stakeholders = document.strategy.partiesPrenantes
        let points = stakeholders.map { StakeholderMatrix.Point(label: $0.nom, interest: $0.interet, power: $0.pouvoir, legitimacy: $0.legitimite, group: $0.categorie) }
        let matrix = StakeholderChart(id: "matrice-parties-prenantes", title: "Matrice pouvoir / intérêt des parties prenantes",
                                      description: "Intérêt à l'horizontale, pouvoir à la verticale.", points: points)
        let levels = Dictionary(document.guide.engagementLevels.map { ($0.id, $0.nom) }, uniquingKeysWith: { first, _ in first })
        var table = TableBuilder(caption: "Parties prenantes et niveau d'engagement", headers: ["N°", "Partie prenante", "Catégorie", "Pouvoirs", "Légitimité", "Engagement"],
                                 className: "parties-prenantes")
        for (index, stakeholder) in stakeholders.enumerated() {
            table.row([String(index + 1), stakeholder.nom, stakeholder.categorie, stakeholder.pouvoirs.map(\.rawValue).joined(separator: ", "),
                       "\(stakeholder.legitimite) / 5", levels[stakeholder.engagement.value] ?? stakeholder.engagement.value])
        }
        return [SVG.schema(matrix), table.finished()]
    }
}

/// `plan-financement`: each line of the plan, then the amounts by source as bars.
struct FundingPlan: StrategyComponent {
    static let componentName = "plan-financement"
    let document: StrategyDocument

    func blocks() -> [Block] {
        let lines = document.strategy.financement
        var table = TableBuilder(caption: "Plan de financement", headers: ["Source", "Intitulé", "Montant", "Part des collectivités", "Durée"],
                                 className: "plan-financement")
        for line in lines {
            let source = line.source.label + (line.programme.map { " — \($0)" } ?? "") + (line.domaine.flatMap { document.guide.scheme($0.value)?.nom }.map { " — \($0)" } ?? "")
            table.row([source, line.intitule, Money.euros(line.montant), line.partCollectivite.map { "\(Money.number($0)) %" }, line.dureeAns.map { "\(Money.number($0)) ans" }])
        }
        let total = lines.reduce(0) { $0 + $1.montant }
        let plan = table.finished(footer: ["Total", "", Money.euros(total), "", ""])
        // One bar per kind of source, in the order of first appearance.
        var order: [FundingSource] = []
        var sums: [FundingSource: Int] = [:]
        for line in lines {
            if sums[line.source] == nil { order.append(line.source) }
            sums[line.source, default: 0] += line.montant
        }
        let chart = FundingBarsChart(id: "graphique-financement", title: "Financement par source",
                                     description: "Plan de financement regroupé par source.",
                                     bars: order.map { FundingChart.Bar(label: $0.label, amount: sums[$0]!) })
        return [plan, SVG.schema(chart)]
    }
}

/// `chronogramme`: the activities over the mandature, grouped by expected result, with the
/// délibération and the evaluations as milestones.
struct TimelineComponent: StrategyComponent {
    static let componentName = "chronogramme"
    let document: StrategyDocument
    /// Rows that fit on an A4 page with the axis and the milestones.
    static let rowsPerFigure = 30

    func blocks() -> [Block] {
        let strategy = document.strategy
        var rows: [Timeline.Row] = []
        for result in strategy.resultats {
            for activity in result.activites {
                guard let start = activity.debut ?? activity.fin, let end = activity.fin ?? activity.debut else { continue }
                rows.append(Timeline.Row(label: activity.intitule, group: "\(result.id) — \(result.intitule)", start: start.monthIndex, end: end.monthIndex))
            }
        }
        var milestones: [Timeline.Milestone] = []
        if let date = strategy.deliberation { milestones.append(.init(label: "Délibération", month: date.monthIndex)) }
        if let date = strategy.evaluations?.miParcours?.value { milestones.append(.init(label: "Évaluation à mi-parcours", month: date.monthIndex)) }
        if let date = strategy.evaluations?.finale?.value { milestones.append(.init(label: "Évaluation finale", month: date.monthIndex)) }
        let mandate = strategy.mandature
        let from = CalendarDate(year: mandate.debut, month: 1).monthIndex, to = CalendarDate(year: mandate.fin, month: 12).monthIndex
        // An SVG cannot break across pages: beyond a page's worth of rows, one figure per part.
        let parts = stride(from: 0, to: max(rows.count, 1), by: Self.rowsPerFigure).map { Array(rows[$0..<min($0 + Self.rowsPerFigure, rows.count)]) }
        return parts.enumerated().map { index, part in
            let suffix = parts.count > 1 ? " (\(index + 1)/\(parts.count))" : ""
            return SVG.schema(TimelineChart(id: index == 0 ? "chronogramme" : "chronogramme-\(index + 1)", title: "Chronogramme des activités, \(mandate.debut)-\(mandate.fin)\(suffix)",
                                            description: "Activités regroupées par résultat attendu.", rows: part, milestones: milestones, from: from, to: to))
        }
    }
}
