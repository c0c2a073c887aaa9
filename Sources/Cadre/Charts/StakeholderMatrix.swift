import Foundation

/// The power/interest matrix of the stakeholders: interest across (1–5), power up (1–5), four
/// named quadrants, one numbered circle per stakeholder (its size the legitimacy, its colour
/// the group), and below the plot the legend of groups and sizes and the numbered list of names,
/// so that long names never cover the plot.
enum StakeholderMatrix {
    struct Point: Sendable {
        var label: String
        var interest: Int
        var power: Int
        var legitimacy: Int
        var group: String
    }

    static let width = 640
    static let levels = 1...5
    /// The plot: five columns of 112 px, five rows of 84 px, each value at the centre of its cell.
    static let plot = (x: 56, y: 10, width: 560, height: 420)
    static let cell = (width: 112, height: 84)
    /// The height of the quadrant names along the top and bottom edges, kept clear of spread clusters.
    static let nameBand = 22

    static let quadrants = (
        associate: "Associer étroitement", satisfy: "Satisfaire", inform: "Informer", monitor: "Surveiller"
    )

    /// The matrix of `points`, its texts already set (`StakeholderChart` is the graphic that carries it).
    static func draw(id: String, title: String, description: String, points: [Point]) -> String {
        let x1 = plot.x + plot.width, y1 = plot.y + plot.height
        let middle = (x: plot.x + plot.width / 2, y: plot.y + plot.height / 2)
        var body = ""

        // Quadrants, their names in the outer corners, the frame.
        let halfW = plot.width / 2, halfH = plot.height / 2
        body += "<rect class=\"matrice-quadrant matrice-satisfaire\" x=\"\(plot.x)\" y=\"\(plot.y)\" width=\"\(halfW)\" height=\"\(halfH)\" fill=\"#eef1f6\"/>\n"
        body += "<rect class=\"matrice-quadrant matrice-associer\" x=\"\(middle.x)\" y=\"\(plot.y)\" width=\"\(halfW)\" height=\"\(halfH)\" fill=\"#dfe7f5\"/>\n"
        body += "<rect class=\"matrice-quadrant matrice-surveiller\" x=\"\(plot.x)\" y=\"\(middle.y)\" width=\"\(halfW)\" height=\"\(halfH)\" fill=\"#f6f7f9\"/>\n"
        body += "<rect class=\"matrice-quadrant matrice-informer\" x=\"\(middle.x)\" y=\"\(middle.y)\" width=\"\(halfW)\" height=\"\(halfH)\" fill=\"#e3f1f1\"/>\n"
        body += "<line class=\"matrice-partage\" x1=\"\(middle.x)\" y1=\"\(plot.y)\" x2=\"\(middle.x)\" y2=\"\(y1)\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n"
        body += "<line class=\"matrice-partage\" x1=\"\(plot.x)\" y1=\"\(middle.y)\" x2=\"\(x1)\" y2=\"\(middle.y)\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n"
        body += "<rect class=\"matrice-cadre\" x=\"\(plot.x)\" y=\"\(plot.y)\" width=\"\(plot.width)\" height=\"\(plot.height)\" fill=\"none\" stroke=\"\(ChartPalette.rule)\"/>\n"
        let name = "class=\"matrice-quadrant-nom\" font-size=\"12\" font-weight=\"bold\" fill=\"\(ChartPalette.darkBlue)\""
        body += "<text \(name) x=\"\(plot.x + 8)\" y=\"\(plot.y + 18)\">\(quadrants.satisfy)</text>\n"
        body += "<text \(name) x=\"\(x1 - 8)\" y=\"\(plot.y + 18)\" text-anchor=\"end\">\(quadrants.associate)</text>\n"
        body += "<text \(name) x=\"\(plot.x + 8)\" y=\"\(y1 - 8)\">\(quadrants.monitor)</text>\n"
        body += "<text \(name) x=\"\(x1 - 8)\" y=\"\(y1 - 8)\" text-anchor=\"end\">\(quadrants.inform)</text>\n"

        // Axes: the levels and what they measure.
        let tick = "class=\"matrice-graduation\" font-size=\"10\" fill=\"\(ChartPalette.grey)\""
        for level in levels {
            body += "<text \(tick) x=\"\(centerX(level))\" y=\"\(y1 + 15)\" text-anchor=\"middle\">\(level)</text>"
            body += "<text \(tick) x=\"\(plot.x - 8)\" y=\"\(centerY(level) + 4)\" text-anchor=\"end\">\(level)</text>\n"
        }
        let axis = "class=\"matrice-axe\" font-size=\"11\" font-weight=\"bold\" fill=\"\(ChartPalette.ink)\" text-anchor=\"middle\""
        body += "<text \(axis) x=\"\(middle.x)\" y=\"\(y1 + 32)\">Intérêt pour l’action (1 à 5) →</text>\n"
        body += "<text \(axis) x=\"18\" y=\"\(middle.y)\" transform=\"rotate(-90 18 \(middle.y))\">Pouvoir d’influence (1 à 5) →</text>\n"

        var y = y1 + 40
        if points.isEmpty {
            let note = "Aucune partie prenante renseignée."
            let noteWidth = ChartText.width(note, size: 12) + 24
            body += "<rect class=\"matrice-note-fond\" x=\"\(middle.x - noteWidth / 2)\" y=\"\(middle.y - 16)\" width=\"\(noteWidth)\" height=\"28\" rx=\"4\" fill=\"#ffffff\" stroke=\"\(ChartPalette.rule)\"/>\n"
            body += "<text class=\"matrice-note\" x=\"\(middle.x)\" y=\"\(middle.y + 3)\" text-anchor=\"middle\" font-size=\"12\" font-style=\"italic\" fill=\"\(ChartPalette.grey)\">\(note)</text>\n"
            let summary = "Aucune partie prenante n’est renseignée\u{00A0}: la matrice pouvoir-intérêt est vide."
            return ChartFigure.svg(id: id, className: "matrice", width: width, height: y, title: title, description: ChartText.description(description, summary), body: body)
        }

        // The stakeholders, cleaned and clamped, with their group's colour.
        let entries = Entries(points)
        body += "<g class=\"matrice-points\">\n"
        for (index, entry) in entries.list.enumerated() {
            let position = entries.positions[index]
            let number = index + 1
            let fontSize = number >= 100 ? 8 : 10
            body += "<g class=\"matrice-point\"><title>\(number). \(entry.label.htmlEscaped)</title>"
            body += "<circle cx=\"\(position.x)\" cy=\"\(position.y)\" r=\"\(entry.radius)\" fill=\"\(ChartPalette.group(entry.group))\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
            body += "<text x=\"\(position.x)\" y=\"\(position.y + fontSize * 35 / 100)\" text-anchor=\"middle\" font-size=\"\(fontSize)\" font-weight=\"bold\" fill=\"#ffffff\">\(number)</text></g>\n"
        }
        body += "</g>\n"

        // Legend: groups (flowing across), sizes, then the numbered names in two columns.
        y += 10
        body += "<g class=\"matrice-legende-groupes\">\n"
        var x = 0
        body += "<text x=\"0\" y=\"\(y + 4)\" font-weight=\"bold\">Groupes\u{00A0}:</text>\n"
        let indent = ChartText.width("Groupes\u{00A0}:", size: 11, bold: true) + 12
        x = indent
        for (index, group) in entries.groups.enumerated() {
            let label = ChartText.line(group, maxWidth: 220, size: 11)
            let itemWidth = 14 + ChartText.width(label.text, size: 11) + 16
            if x + itemWidth > width, x > indent {
                x = indent
                y += 18
            }
            body += "<g class=\"matrice-groupe\">"
            if label.truncated { body += "<title>\(group.htmlEscaped)</title>" }
            body += "<circle cx=\"\(x + 6)\" cy=\"\(y)\" r=\"6\" fill=\"\(ChartPalette.group(index))\"/>"
            body += "<text x=\"\(x + 16)\" y=\"\(y + 4)\">\(label.text.htmlEscaped)</text></g>\n"
            x += itemWidth
        }
        body += "</g>\n"
        y += 24
        body += "<g class=\"matrice-legende-tailles\" fill=\"\(ChartPalette.lightGrey)\">"
        body += "<text x=\"0\" y=\"\(y + 4)\" font-weight=\"bold\" fill=\"\(ChartPalette.ink)\">Taille du cercle\u{00A0}:</text>"
        x = ChartText.width("Taille du cercle\u{00A0}:", size: 11, bold: true) + 10
        body += "<text x=\"\(x)\" y=\"\(y + 4)\" fill=\"\(ChartPalette.ink)\">légitimité</text>"
        x += ChartText.width("légitimité", size: 11) + 8
        for level in [1, 3, 5] {
            let radius = radius(level)
            body += "<circle cx=\"\(x + radius)\" cy=\"\(y)\" r=\"\(radius)\"/>"
            body += "<text x=\"\(x + 2 * radius + 4)\" y=\"\(y + 4)\" fill=\"\(ChartPalette.ink)\">\(level)</text>"
            x += 2 * radius + 20
        }
        body += "</g>\n"
        y += 30

        body += "<g class=\"matrice-liste\">\n"
        let half = (entries.list.count + 1) / 2
        let columnWidth = 300, columnGap = 40
        var columnY = [y, y]
        for (index, entry) in entries.list.enumerated() {
            let column = index < half ? 0 : 1
            let left = column * (columnWidth + columnGap)
            let top = columnY[column]
            let wrapped = ChartText.lines(entry.label, maxWidth: columnWidth - 26, size: 11, maxLines: 2)
            body += "<g class=\"matrice-nom\">"
            if wrapped.truncated { body += "<title>\(index + 1). \(entry.label.htmlEscaped)</title>" }
            let fontSize = index + 1 >= 100 ? 7 : 9
            body += "<circle cx=\"\(left + 9)\" cy=\"\(top)\" r=\"9\" fill=\"\(ChartPalette.group(entry.group))\"/>"
            body += "<text x=\"\(left + 9)\" y=\"\(top + fontSize * 35 / 100)\" text-anchor=\"middle\" font-size=\"\(fontSize)\" font-weight=\"bold\" fill=\"#ffffff\">\(index + 1)</text>"
            body += "<text x=\"\(left + 24)\" y=\"\(top + 4)\">"
            for (lineIndex, line) in wrapped.lines.enumerated() {
                body += "<tspan x=\"\(left + 24)\" dy=\"\(lineIndex == 0 ? 0 : 14)\">\(line.htmlEscaped)</tspan>"
            }
            body += "</text></g>\n"
            columnY[column] = top + 8 + 14 * max(wrapped.lines.count, 1)
        }
        body += "</g>\n"
        let height = max(columnY[0], columnY[1])
        return ChartFigure.svg(id: id, className: "matrice", width: width, height: height, title: title, description: ChartText.description(description, summary(entries)), body: body)
    }

    // MARK: Geometry

    static func centerX(_ interest: Int) -> Int { plot.x + cell.width / 2 + (interest - 1) * cell.width }
    static func centerY(_ power: Int) -> Int { plot.y + plot.height - cell.height / 2 - (power - 1) * cell.height }
    static func radius(_ legitimacy: Int) -> Int { 8 + 2 * legitimacy }

    /// The points cleaned, clamped and coloured, with where each is drawn: stakeholders at the
    /// same values are spread on a ring (up to seven) or on hexagonal rings around the value.
    struct Entries {
        struct Entry {
            var label: String
            var interest: Int
            var power: Int
            var legitimacy: Int
            var group: Int
            var radius: Int
        }
        var list: [Entry] = []
        var groups: [String] = []
        var positions: [(x: Int, y: Int)] = []

        init(_ points: [Point]) {
            var groupIndex: [String: Int] = [:]
            for point in points {
                var group = ChartText.clean(point.group)
                if group.isEmpty { group = "Sans groupe" }
                let index: Int
                if let known = groupIndex[group] {
                    index = known
                } else {
                    index = groups.count
                    groupIndex[group] = index
                    groups.append(group)
                }
                let label = ChartText.clean(point.label)
                let legitimacy = ChartText.clamp(point.legitimacy, levels)
                list.append(Entry(label: label.isEmpty ? "Sans nom" : label, interest: ChartText.clamp(point.interest, levels),
                                  power: ChartText.clamp(point.power, levels), legitimacy: legitimacy, group: index, radius: radius(legitimacy)))
            }
            positions = Array(repeating: (0, 0), count: list.count)
            var cells: [Int: [Int]] = [:]
            for (index, entry) in list.enumerated() { cells[entry.interest * 10 + entry.power, default: []].append(index) }
            for members in cells.values {
                let first = list[members[0]]
                let center = (x: centerX(first.interest), y: centerY(first.power))
                let largest = members.map { list[$0].radius }.max() ?? 10
                let offsets = members.indices.map { Entries.offset(slot: $0, count: members.count, radius: largest) }
                // The whole cluster moves inside the plot (near an edge), so its circles stay apart.
                let left = offsets.map(\.x).min()! - largest - 1, right = offsets.map(\.x).max()! + largest + 1
                let top = offsets.map(\.y).min()! - largest - 1, bottom = offsets.map(\.y).max()! + largest + 1
                let cx = center.x + max(0, plot.x - (center.x + left)) - max(0, center.x + right - (plot.x + plot.width))
                let cy = center.y + max(0, plot.y + nameBand - (center.y + top)) - max(0, center.y + bottom - (plot.y + plot.height - nameBand))
                for (slot, index) in members.enumerated() {
                    let r = list[index].radius
                    let x = ChartText.clamp(cx + offsets[slot].x, (plot.x + r + 1)...(plot.x + plot.width - r - 1))
                    let y = ChartText.clamp(cy + offsets[slot].y, (plot.y + r + 1)...(plot.y + plot.height - r - 1))
                    positions[index] = (x, y)
                }
            }
        }

        /// Where the `slot`-th of `count` circles sharing a position goes, from that position.
        static func offset(slot: Int, count: Int, radius: Int) -> (x: Int, y: Int) {
            guard count > 1 else { return (0, 0) }
            let spacing = Double(radius + 1)
            if count <= 7 {
                let ring = spacing / sin(Double.pi / Double(count))
                let angle = Double.pi + 2 * Double.pi * Double(slot) / Double(count)
                return (Int((ring * cos(angle)).rounded()), Int((ring * sin(angle)).rounded()))
            }
            // Hexagonal rings: the centre, then 6, 12, 18… slots.
            if slot == 0 { return (0, 0) }
            var ring = 1, first = 1
            while slot >= first + 6 * ring {
                first += 6 * ring
                ring += 1
            }
            let angle = Double.pi + 2 * Double.pi * Double(slot - first) / Double(6 * ring)
            let distance = 2 * spacing * Double(ring)
            return (Int((distance * cos(angle)).rounded()), Int((distance * sin(angle)).rounded()))
        }
    }

    // MARK: Words

    /// Who falls in which quadrant, in words, for the `<desc>`.
    static func summary(_ entries: Entries) -> String {
        var buckets: [[String]] = [[], [], [], [], []]
        for (index, entry) in entries.list.enumerated() {
            var text = "\(index + 1). \(entry.label) (\(entries.groups[entry.group])\u{202F}; intérêt \(entry.interest), pouvoir \(entry.power), légitimité \(entry.legitimacy) sur 5"
            let bucket: Int
            switch (entry.interest, entry.power) {
            case (4...5, 4...5): bucket = 0
            case (1...2, 4...5): bucket = 1
            case (4...5, 1...2): bucket = 2
            case (1...2, 1...2): bucket = 3
            case (3, 3):
                bucket = 4
                text += ", au centre de la matrice"
            case (3, let power):
                bucket = 4
                text += power > 3 ? ", entre «\u{202F}\(quadrants.satisfy)\u{202F}» et «\u{202F}\(quadrants.associate)\u{202F}»" : ", entre «\u{202F}\(quadrants.monitor)\u{202F}» et «\u{202F}\(quadrants.inform)\u{202F}»"
            default:
                bucket = 4
                text += entry.interest > 3 ? ", entre «\u{202F}\(quadrants.inform)\u{202F}» et «\u{202F}\(quadrants.associate)\u{202F}»" : ", entre «\u{202F}\(quadrants.monitor)\u{202F}» et «\u{202F}\(quadrants.satisfy)\u{202F}»"
            }
            buckets[bucket].append(text + ")")
        }
        let headings = [
            "\(quadrants.associate) (pouvoir et intérêt élevés)",
            "\(quadrants.satisfy) (pouvoir élevé, intérêt faible)",
            "\(quadrants.inform) (intérêt élevé, pouvoir faible)",
            "\(quadrants.monitor) (pouvoir et intérêt faibles)",
            "À la limite de deux quadrants",
        ]
        let count = entries.list.count
        var text = count == 1 ? "Une partie prenante placée selon son intérêt (1 à 5) et son pouvoir (1 à 5)." : "\(count) parties prenantes placées selon leur intérêt (1 à 5) et leur pouvoir (1 à 5)."
        for (index, bucket) in buckets.enumerated() where !bucket.isEmpty {
            text += " " + headings[index] + "\u{00A0}: " + bucket.joined(separator: "\u{202F}; ") + "."
        }
        return text
    }
}

/// The power/interest matrix, as a document's graphic.
struct StakeholderChart: Graphic {
    var id: String
    var title: String
    var description: String
    var points: [StakeholderMatrix.Point]

    var identifier: String { ChartText.identifier(id) }

    func mapTexts(_ transform: (String) -> String) -> StakeholderChart {
        StakeholderChart(id: id, title: transform(title), description: transform(description),
                         points: points.map { StakeholderMatrix.Point(label: transform($0.label), interest: $0.interest, power: $0.power, legitimacy: $0.legitimacy, group: transform($0.group)) })
    }

    func svg() -> String { StakeholderMatrix.draw(id: id, title: title, description: description, points: points) }

    var dataTable: Table? {
        let head = TableRow(cells: ["Partie prenante", "Intérêt", "Pouvoir", "Légitimité", "Groupe"].map { TableCell(.columnHeader, [.text($0)]) })
        let body = points.map { point in
            TableRow(cells: [TableCell(.rowHeader, [.text(point.label)]), TableCell([.text("\(point.interest)")]), TableCell([.text("\(point.power)")]), TableCell([.text("\(point.legitimacy)")]), TableCell([.text(point.group)])])
        }
        return Table(caption: [.text(title)], head: [head], body: body)
    }
}
