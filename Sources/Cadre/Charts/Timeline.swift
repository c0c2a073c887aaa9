/// The "chronogramme": a Gantt chart of the activities over the mandature. Months are integer
/// indexes `year * 12 + (month - 1)`; the axis runs from `from` to `to` inclusive, years along
/// the top, one bar per activity under its group's header line, milestones as dashed vertical
/// lines drawn behind the bars, their labels below the rows (on several lines when they would collide).
enum Timeline {
    struct Row: Sendable {
        var label: String
        var group: String
        var start: Int
        var end: Int
    }

    struct Milestone: Sendable {
        var label: String
        var month: Int
    }

    static let width = 640
    static let labelWidth = 236
    static let chart = (x: 246, width: 386)
    static let header = 28
    static let groupHeight = 22
    static let rowHeight = 20
    /// Month indexes are kept within years 0…9999 so that no computation can overflow.
    static let months = 0...(9_999 * 12 + 11)
    static let monthNames = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."]

    /// The chart of `rows`, its texts already set (`TimelineChart` is the graphic that carries it).
    static func draw(id: String, title: String, description: String, rows: [Row], milestones: [Milestone], from: Int, to: Int) -> String {
        let first = ChartText.clamp(min(from, to), months), last = ChartText.clamp(max(from, to), months)
        let span = last - first + 1
        /// The x of the start of month `month` (which may be `last + 1`, the end of the axis).
        func x(_ month: Int) -> Int { chart.x + (month - first) * chart.width / span }

        // Groups in order of first appearance, each with its rows in the order given.
        var groupNames: [String] = []
        var groupRows: [[Int]] = []
        var groupIndex: [String: Int] = [:]
        let labels = rows.map { row -> String in
            let label = ChartText.clean(row.label)
            return label.isEmpty ? "Activité sans nom" : label
        }
        for (index, row) in rows.enumerated() {
            let name = ChartText.clean(row.group)
            if let known = groupIndex[name] {
                groupRows[known].append(index)
            } else {
                groupIndex[name] = groupNames.count
                groupNames.append(name)
                groupRows.append([index])
            }
        }

        var body = ""
        var backgrounds = ""
        var rowsBody = ""
        var summaryGroups: [String] = []
        var y = header
        var zebra = 0
        for (group, members) in groupRows.enumerated() {
            let name = groupNames[group]
            let colour = group % 2 == 0 ? ChartPalette.blue : ChartPalette.teal
            if !name.isEmpty {
                let shown = ChartText.line(name, maxWidth: width - 8, size: 11, bold: true)
                rowsBody += "<g class=\"chrono-groupe\">"
                if shown.truncated { rowsBody += "<title>\(name.htmlEscaped)</title>" }
                backgrounds += "<rect class=\"chrono-groupe-fond\" x=\"0\" y=\"\(y)\" width=\"\(width)\" height=\"\(groupHeight)\" fill=\"#e8edf6\"/>\n"
                rowsBody += "<rect x=\"0\" y=\"\(y)\" width=\"3\" height=\"\(groupHeight)\" fill=\"\(colour)\"/>"
                rowsBody += "<text x=\"8\" y=\"\(y + 15)\" font-weight=\"bold\" fill=\"\(ChartPalette.darkBlue)\">\(shown.text.htmlEscaped)</text></g>\n"
                y += groupHeight
                zebra = 0
            }
            var spoken: [String] = []
            for index in members {
                let row = rows[index]
                let label = labels[index]
                let start = ChartText.clamp(row.start, months), end = ChartText.clamp(row.end, months)
                var period = "\(monthName(start)) – \(monthName(end))"
                var mark: String
                if end < start {
                    period += ", fin antérieure au début"
                    let at = x(ChartText.clamp(start, first...last))
                    mark = "<rect class=\"chrono-repere\" x=\"\(at - 1)\" y=\"\(y + 2)\" width=\"2\" height=\"\(rowHeight - 4)\" fill=\"\(colour)\"/>"
                } else if end < first {
                    period += ", avant la période représentée"
                    let edge = chart.x
                    mark = "<polygon class=\"chrono-hors\" points=\"\(edge),\(y + 10) \(edge + 7),\(y + 5) \(edge + 7),\(y + 15)\" fill=\"\(ChartPalette.lightGrey)\"/>"
                } else if start > last {
                    period += ", après la période représentée"
                    let edge = chart.x + chart.width
                    mark = "<polygon class=\"chrono-hors\" points=\"\(edge),\(y + 10) \(edge - 7),\(y + 5) \(edge - 7),\(y + 15)\" fill=\"\(ChartPalette.lightGrey)\"/>"
                } else {
                    let left = x(max(start, first)), right = x(min(end, last) + 1)
                    mark = "<rect class=\"chrono-barre\" x=\"\(left)\" y=\"\(y + 4)\" width=\"\(max(right - left, 2))\" height=\"\(rowHeight - 8)\" rx=\"2\" fill=\"\(colour)\"/>"
                }
                let shown = ChartText.line(label, maxWidth: labelWidth - 8, size: 11)
                rowsBody += "<g class=\"chrono-activite\"><title>\(label.htmlEscaped)\u{00A0}: \(period.htmlEscaped)</title>"
                if zebra % 2 == 1 {
                    backgrounds += "<rect class=\"chrono-bande\" x=\"0\" y=\"\(y)\" width=\"\(width)\" height=\"\(rowHeight)\" fill=\"#f5f6f8\"/>\n"
                }
                rowsBody += "<text x=\"8\" y=\"\(y + 14)\">\(shown.text.htmlEscaped)</text>\(mark)</g>\n"
                spoken.append("\(label) (\(period))")
                y += rowHeight
                zebra += 1
            }
            summaryGroups.append((name.isEmpty ? "" : name + "\u{00A0}: ") + spoken.joined(separator: "\u{202F}; "))
        }
        if rows.isEmpty {
            rowsBody += "<text class=\"chrono-note\" x=\"\(chart.x)\" y=\"\(y + 16)\" font-size=\"12\" font-style=\"italic\" fill=\"\(ChartPalette.grey)\">Aucune activité renseignée.</text>\n"
            y += 24
        }
        let rowsBottom = y

        // Bands behind, then years along the top with light vertical lines through the rows.
        if !backgrounds.isEmpty { body += "<g class=\"chrono-fonds\">\n" + backgrounds + "</g>\n" }
        body += "<g class=\"chrono-annees\">\n"
        let yearWidth = Double(12 * chart.width) / Double(span)
        let step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000].first { Double($0) * yearWidth >= 40 } ?? 10000
        let firstYear = first / 12, lastYear = last / 12
        var year = (firstYear / step) * step
        while year <= lastYear {
            let startMonth = year * 12
            if startMonth >= first, startMonth <= last {
                body += "<line x1=\"\(x(startMonth))\" y1=\"\(header - 8)\" x2=\"\(x(startMonth))\" y2=\"\(rowsBottom)\" stroke=\"\(ChartPalette.rule)\"/>"
            }
            let labelWidth = ChartText.width(String(year), size: 11, bold: true)
            if step == 1 {
                // Centred over the visible part of the year, if it is wide enough.
                let left = x(max(startMonth, first)), right = x(min(startMonth + 11, last) + 1)
                if right - left >= labelWidth + 4 {
                    body += "<text x=\"\((left + right) / 2)\" y=\"14\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"\(ChartPalette.darkBlue)\">\(year)</text>"
                }
            } else if startMonth >= first, startMonth <= last, x(startMonth) + labelWidth + 2 <= chart.x + chart.width {
                body += "<text x=\"\(x(startMonth) + 2)\" y=\"14\" font-weight=\"bold\" fill=\"\(ChartPalette.darkBlue)\">\(year)</text>"
            }
            body += "\n"
            year += step
        }
        body += "<line x1=\"\(chart.x)\" y1=\"\(header - 2)\" x2=\"\(chart.x + chart.width)\" y2=\"\(header - 2)\" stroke=\"\(ChartPalette.grey)\"/>\n"
        body += "</g>\n"

        // Milestones: dashed lines in the accent colour, labels below on the first free line.
        var laneEnds: [Int] = []
        var spokenMilestones: [String] = []
        var milestoneBody = ""
        for milestone in milestones {
            let label = ChartText.clean(milestone.label)
            let month = ChartText.clamp(milestone.month, months)
            let name = label.isEmpty ? "Jalon" : label
            guard month >= first, month <= last else {
                spokenMilestones.append("\(name) (\(monthName(month)), hors de la période représentée)")
                continue
            }
            spokenMilestones.append("\(name) (\(monthName(month)))")
            let full = "\(name) (\(monthName(month)))"
            let shown = ChartText.line(full, maxWidth: 300, size: 10)
            let textWidth = ChartText.width(shown.text, size: 10)
            let at = (x(month) + x(month + 1)) / 2
            let left = ChartText.clamp(at - textWidth / 2, 0...max(width - textWidth, 0))
            let lane = laneEnds.firstIndex { $0 + 8 <= left } ?? laneEnds.count
            if lane == laneEnds.count { laneEnds.append(left + textWidth) } else { laneEnds[lane] = left + textWidth }
            let baseline = rowsBottom + 16 + lane * 14
            milestoneBody += "<g class=\"chrono-jalon\"><title>\(full.htmlEscaped)</title>"
            milestoneBody += "<line x1=\"\(at)\" y1=\"\(header - 6)\" x2=\"\(at)\" y2=\"\(baseline - 10)\" stroke=\"\(ChartPalette.accent)\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
            milestoneBody += "<polygon points=\"\(at - 5),\(header - 10) \(at + 5),\(header - 10) \(at),\(header - 3)\" fill=\"\(ChartPalette.accent)\"/>"
            milestoneBody += "<text x=\"\(left)\" y=\"\(baseline)\" font-size=\"10\" fill=\"\(ChartPalette.accent)\">\(shown.text.htmlEscaped)</text></g>\n"
        }
        // Milestone lines behind the bars and labels they cross.
        body += milestoneBody + rowsBody
        let height = rowsBottom + (laneEnds.isEmpty ? 6 : 10 + laneEnds.count * 14)

        let activities = rows.count == 1 ? "une activité" : "\(rows.count) activités"
        let named = groupNames.filter { !$0.isEmpty }.count
        var summary = "Chronogramme sur la période \(monthName(first)) – \(monthName(last))\u{00A0}: \(activities)"
        if named > 0 { summary += named == 1 ? " en un groupe" : " en \(named) groupes" }
        summary += "."
        if !summaryGroups.isEmpty { summary += " " + summaryGroups.joined(separator: ". ") + "." }
        if !spokenMilestones.isEmpty { summary += " Jalons\u{00A0}: " + spokenMilestones.joined(separator: "\u{202F}; ") + "." }
        return ChartFigure.svg(id: id, className: "chrono", width: width, height: height, title: title,
                               description: ChartText.description(description, summary), body: body)
    }

    /// `mars 2026` for the month index `2026 * 12 + 2`.
    static func monthName(_ month: Int) -> String {
        let year = month >= 0 ? month / 12 : (month - 11) / 12
        return "\(monthNames[month - year * 12]) \(year)"
    }
}

/// The chronogramme, as a document's graphic.
struct TimelineChart: Graphic {
    var id: String
    var title: String
    var description: String
    var rows: [Timeline.Row]
    var milestones: [Timeline.Milestone]
    var from: Int
    var to: Int

    var identifier: String { ChartText.identifier(id) }

    func mapTexts(_ transform: (String) -> String) -> TimelineChart {
        var chart = self
        chart.title = transform(title)
        chart.description = transform(description)
        chart.rows = rows.map { Timeline.Row(label: transform($0.label), group: transform($0.group), start: $0.start, end: $0.end) }
        chart.milestones = milestones.map { Timeline.Milestone(label: transform($0.label), month: $0.month) }
        return chart
    }

    func svg() -> String { Timeline.draw(id: id, title: title, description: description, rows: rows, milestones: milestones, from: from, to: to) }

    var dataTable: Table? {
        let head = TableRow(cells: ["Activité", "Groupe", "Début", "Fin"].map { TableCell(.columnHeader, [.text($0)]) })
        let body = rows.map { row in
            TableRow(cells: [TableCell(.rowHeader, [.text(row.label)]), TableCell([.text(row.group)]), TableCell([.text(Timeline.monthName(row.start))]), TableCell([.text(Timeline.monthName(row.end))])])
        }
        return Table(caption: [.text(title)], head: [head], body: body)
    }
}
