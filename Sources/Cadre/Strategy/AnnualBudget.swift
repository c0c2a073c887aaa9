/// The funding plan spread over the years of the mandature and split by the budget that
/// carries each amount — what an assembly votes: the main budget (own funds, and the staff when
/// the file gives its cost), the service budget a 1 % scheme draws on (the budget annexe de
/// l'eau for the 1 % eau), and the co-funding expected from outside.
///
/// The data file gives each activity's cost and dates, but each funding line only as a total:
/// every source is spread over the years as the activities' costs are (by month), and the
/// document says so. Amounts are whole euros; each column's years add up to its total exactly.
struct AnnualBudget: Sendable {
    /// One column of the table: a budget or the co-funding, with its amount for each year.
    struct Column: Sendable {
        var label: String
        var amounts: [Int]
        var total: Int { amounts.reduce(0, +) }
    }

    let years: [Int]
    let columns: [Column]
    /// Whether the years follow the activities' calendar (false: spread evenly, no dated cost).
    let followsActivities: Bool

    init(strategy: Strategy, guide: GuideReference) {
        let mandate = strategy.mandature
        let years = Array(mandate.debut...max(mandate.debut, mandate.fin))
        self.years = years
        // Cost of the dated activities by year, each spread evenly over its months in the mandature.
        var weights = [Double](repeating: 0, count: years.count)
        for result in strategy.resultats {
            for activity in result.activites {
                guard let cost = activity.cout, cost > 0, let start = activity.debut ?? activity.fin, let end = activity.fin ?? activity.debut, start <= end else { continue }
                let first = max(start.monthIndex, CalendarDate(year: years[0], month: 1).monthIndex)
                let last = min(end.monthIndex, CalendarDate(year: years[years.count - 1], month: 12).monthIndex)
                guard first <= last else { continue }
                let perMonth = Double(cost) / Double(end.monthIndex - start.monthIndex + 1)
                for month in first...last { weights[month / 12 - years[0]] += perMonth }
            }
        }
        followsActivities = weights.contains { $0 > 0 }
        if !followsActivities { weights = weights.map { _ in 1 } }

        var columns: [Column] = []
        let lines = strategy.financement.map(\.value)
        let own = lines.filter { $0.source == .fondsPropres }.reduce(0) { $0 + $1.montant }
        if own > 0 { columns.append(Column(label: "Budget principal : actions", amounts: Self.spread(own, over: weights))) }
        if let cost = strategy.portage.coutAnnuelEtp {
            let yearly = Int((strategy.portage.etp * Double(cost)).rounded())
            columns.append(Column(label: "Budget principal : personnel", amounts: years.map { _ in yearly }))
        }
        // One column per 1 % scheme used, in the order of the plan.
        var domains: [String] = []
        for line in lines where line.source == .dispositif1Pourcent {
            if let domain = line.domaine?.value, !domains.contains(domain) { domains.append(domain) }
        }
        for domain in domains {
            let amount = lines.filter { $0.source == .dispositif1Pourcent && $0.domaine?.value == domain }.reduce(0) { $0 + $1.montant }
            let label = Self.serviceBudget[domain] ?? "Budget du service (\(guide.scheme(domain)?.nom ?? domain))"
            columns.append(Column(label: label, amounts: Self.spread(amount, over: weights)))
        }
        let outside = lines.filter { $0.source != .fondsPropres && $0.source != .dispositif1Pourcent }.reduce(0) { $0 + $1.montant }
        if outside > 0 { columns.append(Column(label: "Cofinancements attendus", amounts: Self.spread(outside, over: weights))) }
        self.columns = columns
    }

    /// The budget that carries a 1 % scheme: the service's own budget, often a budget annexe.
    static let serviceBudget = [
        "eau_assainissement": "Budget annexe de l’eau et de l’assainissement (1 %)",
        "energie": "Budget du service de l’énergie (1 %)",
        "dechets": "Budget du service des déchets (1 %)",
        "transports": "Budget du service des transports (1 %)",
    ]

    /// Totals by year, all columns together.
    var totals: [Int] { years.indices.map { index in columns.reduce(0) { $0 + $1.amounts[index] } } }

    /// `amount` shared in proportion to `weights`, rounded to the euro so that the parts add up
    /// to the amount (largest remainders first, then the earliest year).
    static func spread(_ amount: Int, over weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(amount) * $0 / sum }
        var parts = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), -$0) > (exact[$1] - Double(parts[$1]), -$1) }
        var left = amount - parts.reduce(0, +)
        for index in order where left > 0 {
            parts[index] += 1
            left -= 1
        }
        return parts
    }
}
