/// The funding plan by source as horizontal bars: the source on the left (two lines at most),
/// the bar, then the amount in euros and its share of the total; a total line closes the chart.
enum FundingChart {
    struct Bar: Sendable {
        var label: String
        var amount: Int
    }

    static let width = 640
    static let labelWidth = 186
    static let barStart = 196
    static let rowHeight = 36
    static let barHeight = 20

    /// The chart of `bars`, its texts already set (`FundingBarsChart` is the graphic that carries it).
    static func draw(id: String, title: String, description: String, bars: [Bar]) -> String {
        guard !bars.isEmpty else {
            let body = "<text class=\"financement-note\" x=\"0\" y=\"20\" font-size=\"12\" font-style=\"italic\" fill=\"\(ChartPalette.grey)\">Aucune source de financement renseignée.</text>\n"
            let summary = "Aucune source de financement n’est renseignée."
            return ChartFigure.svg(id: id, className: "financement", width: width, height: 32, title: title, description: ChartText.description(description, summary), body: body)
        }
        let labels = bars.map { bar -> String in
            let label = ChartText.clean(bar.label)
            return label.isEmpty ? "Source sans nom" : label
        }
        let total = ChartText.saturatingSum(bars.map(\.amount))
        // Shares only make sense for a plan of non-negative amounts with a positive total.
        let showsShares = total > 0 && bars.allSatisfy { $0.amount >= 0 }
        let amounts = bars.map { Money.euros($0.amount) }
        let shares = bars.map { showsShares && $0.amount > 0 ? ChartText.percent($0.amount, of: total) : nil }
        let textWidth = bars.indices.map { index in
            ChartText.width(amounts[index], size: 11, bold: true) + (shares[index].map { ChartText.width(" (" + $0 + ")", size: 11) } ?? 0)
        }.max() ?? 0
        let barRoom = max(width - barStart - textWidth - 8, 120)
        let largest = bars.map(\.amount).max() ?? 0

        var body = ""
        var y = 0
        var summaryItems: [String] = []
        for (index, bar) in bars.enumerated() {
            let label = labels[index]
            let wrapped = ChartText.lines(label, maxWidth: labelWidth, size: 11, maxLines: 2)
            let barY = y + (rowHeight - barHeight) / 2
            let middle = barY + barHeight / 2
            let length = bar.amount > 0 && largest > 0 ? max(1, Int((Double(bar.amount) / Double(largest) * Double(barRoom)).rounded())) : 0
            var spoken = "\(label)\u{00A0}: \(amounts[index])"
            if let share = shares[index] { spoken += " (\(share))" }
            summaryItems.append(spoken)

            body += "<g class=\"financement-barre\"><title>\(spoken.htmlEscaped)</title>\n"
            let firstBaseline = middle + 4 - (wrapped.lines.count - 1) * 7
            body += "<text class=\"financement-source\" x=\"0\" y=\"\(firstBaseline)\">"
            for (lineIndex, line) in wrapped.lines.enumerated() {
                body += "<tspan x=\"0\" dy=\"\(lineIndex == 0 ? 0 : 14)\">\(line.htmlEscaped)</tspan>"
            }
            body += "</text>\n"
            if length > 0 {
                body += "<rect class=\"financement-rect\" x=\"\(barStart)\" y=\"\(barY)\" width=\"\(length)\" height=\"\(barHeight)\" fill=\"\(ChartPalette.blue)\"/>\n"
            }
            body += "<text class=\"financement-montant\" x=\"\(barStart + length + 6)\" y=\"\(middle + 4)\" font-weight=\"bold\">\(amounts[index])"
            if let share = shares[index] {
                body += "<tspan class=\"financement-part\" font-weight=\"normal\" fill=\"\(ChartPalette.grey)\"> (\(share))</tspan>"
            }
            body += "</text></g>\n"
            y += rowHeight
        }
        body += "<line class=\"financement-axe\" x1=\"\(barStart)\" y1=\"0\" x2=\"\(barStart)\" y2=\"\(y)\" stroke=\"\(ChartPalette.lightGrey)\"/>\n"
        body += "<line class=\"financement-trait-total\" x1=\"0\" y1=\"\(y + 4)\" x2=\"\(width)\" y2=\"\(y + 4)\" stroke=\"\(ChartPalette.ink)\"/>\n"
        body += "<text class=\"financement-total\" x=\"0\" y=\"\(y + 22)\" font-weight=\"bold\">Total</text>"
        body += "<text class=\"financement-total-montant\" x=\"\(barStart + 6)\" y=\"\(y + 22)\" font-weight=\"bold\">\(Money.euros(total))</text>\n"

        let count = bars.count == 1 ? "Une source de financement" : "\(bars.count) sources de financement"
        let summary = "\(count) pour un total de \(Money.euros(total)). " + summaryItems.joined(separator: "\u{202F}; ") + "."
        return ChartFigure.svg(id: id, className: "financement", width: width, height: y + 30, title: title,
                               description: ChartText.description(description, summary), body: body)
    }
}

/// The funding plan by source, as a document's graphic.
struct FundingBarsChart: Graphic {
    var id: String
    var title: String
    var description: String
    var bars: [FundingChart.Bar]

    var identifier: String { ChartText.identifier(id) }

    func mapTexts(_ transform: (String) -> String) -> FundingBarsChart {
        FundingBarsChart(id: id, title: transform(title), description: transform(description),
                         bars: bars.map { FundingChart.Bar(label: transform($0.label), amount: $0.amount) })
    }

    func svg() -> String { FundingChart.draw(id: id, title: title, description: description, bars: bars) }

    var dataTable: Table? {
        Table(caption: [.text(title)], head: [TableRow(cells: [TableCell(.columnHeader, [.text("Source")]), TableCell(.columnHeader, [.text("Montant")])])],
              body: bars.map { TableRow(cells: [TableCell(.rowHeader, [.text($0.label)]), TableCell([.text(Money.euros($0.amount))])]) })
    }
}
