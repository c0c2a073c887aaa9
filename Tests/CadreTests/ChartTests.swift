import Foundation
import Testing
@testable import Cadre
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The chart renderers: reviewed golden output on a small commune's data, well-formed XML and
/// escaped text whatever the input, the same bytes for the same input.
///
/// `CADRE_UPDATE_GOLDEN=1 swift test --filter ChartTests` rewrites the golden files (review the diff);
/// `CADRE_CHART_PREVIEW=/tmp/dossier` also writes the hostile renderings there, to look at them.
struct ChartTests {
    // MARK: Sample data (a commune twinned with Ziguinchor)

    static let swot = (
        forces: ["Un jumelage actif depuis 1998 avec Ziguinchor", "Un service eau et assainissement en régie", "Des élus et des habitants mobilisés : 40 bénévoles"],
        faiblesses: ["Pas d’agent dédié à l’action internationale", "Un budget annuel limité (15000 €)"],
        opportunites: ["La loi « 1 % eau » (Oudin-Santini)", "L’appel à projets de la DAECT", "Une diaspora sénégalaise présente dans la commune"],
        menaces: [String]()
    )

    static let stakeholders: [StakeholderMatrix.Point] = [
        .init(label: "Commune de Ziguinchor", interest: 5, power: 5, legitimacy: 5, group: "Partenaires au Sénégal"),
        .init(label: "Conseil départemental", interest: 2, power: 5, legitimacy: 4, group: "Institutions"),
        .init(label: "Association Jumelage Valmont–Ziguinchor", interest: 5, power: 3, legitimacy: 5, group: "Société civile"),
        .init(label: "Diaspora sénégalaise", interest: 5, power: 2, legitimacy: 4, group: "Société civile"),
        .init(label: "Préfecture de région", interest: 2, power: 4, legitimacy: 3, group: "Institutions"),
        .init(label: "Collège Jean-Moulin", interest: 4, power: 2, legitimacy: 2, group: "Éducation"),
        .init(label: "Lycée agricole de Valmont", interest: 4, power: 2, legitimacy: 3, group: "Éducation"),
        .init(label: "Entreprises locales du bâtiment", interest: 1, power: 1, legitimacy: 1, group: "Acteurs économiques"),
        .init(label: "Réseau régional multi-acteurs (RRMA)", interest: 3, power: 3, legitimacy: 4, group: "Institutions"),
    ]

    static let funding: [FundingChart.Bar] = [
        .init(label: "Fonds propres", amount: 45_000),
        .init(label: "Programme UE Erasmus+", amount: 60_000),
        .init(label: "Dispositif 1 % eau", amount: 25_000),
        .init(label: "Appel à projets DAECT", amount: 30_000),
        .init(label: "FICOL (AFD) : Facilité de financement des collectivités territoriales françaises", amount: 120_000),
    ]

    static func month(_ year: Int, _ month: Int) -> Int { year * 12 + month - 1 }

    static let activities: [Timeline.Row] = [
        .init(label: "Diagnostic partagé avec Ziguinchor", group: "R1 Gouvernance de l’eau renforcée", start: month(2026, 9), end: month(2027, 3)),
        .init(label: "Formation des agents du service eau", group: "R1 Gouvernance de l’eau renforcée", start: month(2027, 1), end: month(2028, 12)),
        .init(label: "Échanges scolaires Erasmus+", group: "R2 Jeunesse et échanges", start: month(2027, 9), end: month(2031, 6)),
        .init(label: "Travaux d’adduction d’eau au quartier de Boucotte", group: "R1 Gouvernance de l’eau renforcée", start: month(2028, 3), end: month(2030, 6)),
        .init(label: "Chantier de jeunes", group: "R2 Jeunesse et échanges", start: month(2028, 7), end: month(2028, 8)),
        .init(label: "Comité de pilotage annuel", group: "R3 Pilotage et évaluation", start: month(2026, 10), end: month(2031, 12)),
    ]

    static let milestones: [Timeline.Milestone] = [
        .init(label: "Délibération-cadre", month: month(2026, 6)),
        .init(label: "Évaluation à mi-parcours", month: month(2029, 3)),
        .init(label: "Évaluation finale", month: month(2031, 12)),
    ]

    static func swotHTML() -> String {
        SWOTGrid.html(forces: swot.forces, faiblesses: swot.faiblesses, opportunites: swot.opportunites, menaces: swot.menaces)
    }

    static func matrixSVG(_ points: [StakeholderMatrix.Point] = stakeholders) -> String {
        StakeholderMatrix.svg(id: "matrice-acteurs", title: "Les parties prenantes du partenariat", description: "Qui associer, qui informer : la carte des acteurs de la coopération avec Ziguinchor.", points: points)
    }

    static func fundingSVG(_ bars: [FundingChart.Bar] = funding) -> String {
        FundingChart.svg(id: "plan-financement", title: "Plan de financement 2026-2032", description: "Le plan de financement prévisionnel par source.", bars: bars)
    }

    static func timelineSVG(_ rows: [Timeline.Row] = activities, milestones: [Timeline.Milestone] = milestones, from: Int = month(2026, 4), to: Int = month(2032, 3)) -> String {
        Timeline.svg(id: "chronogramme", title: "Chronogramme de la mandature", description: "Les activités par résultat attendu.", rows: rows, milestones: milestones, from: from, to: to)
    }

    // MARK: Golden files

    @Test(arguments: ["afom", "matrice-acteurs", "plan-financement", "chronogramme"])
    func matchesTheReviewedGolden(name: String) throws {
        let rendered: String
        switch name {
        case "afom": rendered = Self.swotHTML()
        case "matrice-acteurs": rendered = Self.matrixSVG()
        case "plan-financement": rendered = Self.fundingSVG()
        default: rendered = Self.timelineSVG()
        }
        let url = Repository.fixtures.appendingPathComponent("golden/charts/\(name).html")
        if ProcessInfo.processInfo.environment["CADRE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (rendered + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(rendered + "\n" == golden)
        #expect(XMLCheck(rendered).wellFormed)
    }

    // MARK: The AFOM grid

    @Test func swotGridHasItsQuadrantsHeadersAndEmptyNote() {
        let html = Self.swotHTML()
        #expect(html.contains("<table class=\"afom\">"))
        #expect(html.contains("<caption>Diagnostic AFOM (atouts, faiblesses, opportunités, menaces)</caption>"))
        #expect(html.contains("<th scope=\"row\" class=\"afom-interne\">Interne</th>"))
        #expect(html.contains("<th scope=\"row\" class=\"afom-externe\">Externe</th>"))
        #expect(html.contains("<th scope=\"col\" class=\"afom-favorable\">Favorable</th>"))
        // Atouts then faiblesses on the first row; opportunités then menaces on the second.
        let order = ["afom-atouts", "afom-faiblesses", "afom-opportunites", "afom-menaces"].compactMap { html.range(of: $0)?.lowerBound }
        #expect(order.count == 4 && order == order.sorted())
        #expect(html.components(separatedBy: "<ul>").count == 4)
        #expect(html.contains("<td class=\"afom-quadrant afom-menaces\"><p class=\"afom-titre\"><strong>Menaces</strong></p>\n<p class=\"afom-vide\"><em>Aucun élément renseigné.</em></p></td>"))
        // French typography in the items.
        #expect(html.contains("mobilisés\u{00A0}: 40 bénévoles"))
        #expect(html.contains("(15\u{202F}000\u{202F}€)"))
    }

    @Test func swotGridTreatsBlankItemsAsMissing() {
        let html = SWOTGrid.html(forces: ["", "  \n "], faiblesses: [], opportunites: [], menaces: [])
        #expect(html.components(separatedBy: "Aucun élément renseigné.").count == 5)
        #expect(!html.contains("<li>"))
        #expect(XMLCheck(html).wellFormed)
    }

    // MARK: The stakeholder matrix

    @Test func matrixPlacesClampsAndSpreadsPoints() {
        let entries = StakeholderMatrix.Entries([
            .init(label: "A", interest: 9, power: -3, legitimacy: 12, group: "G"),
            .init(label: "B", interest: 5, power: 1, legitimacy: 1, group: "H"),
            .init(label: "C", interest: 5, power: 1, legitimacy: 0, group: "G"),
        ])
        #expect(entries.list.map(\.interest) == [5, 5, 5])
        #expect(entries.list.map(\.power) == [1, 1, 1])
        #expect(entries.list.map(\.legitimacy) == [5, 1, 1])
        #expect(entries.groups == ["G", "H"])
        // Three circles at the same value: three different places, none overlapping.
        let positions = entries.positions
        for i in positions.indices {
            for j in positions.indices where j > i {
                let dx = positions[i].x - positions[j].x, dy = positions[i].y - positions[j].y
                let distance = (Double(dx * dx + dy * dy)).squareRoot()
                #expect(distance >= Double(entries.list[i].radius + entries.list[j].radius) - 1)
            }
        }
    }

    @Test func matrixSpreadsManyPointsAtOnePlaceInsideThePlot() {
        let points = (1...25).map { StakeholderMatrix.Point(label: "Acteur \($0)", interest: 1, power: 5, legitimacy: 5, group: "G\($0 % 10)") }
        let entries = StakeholderMatrix.Entries(points)
        #expect(Set(entries.positions.map { "\($0.x),\($0.y)" }).count > 20)
        let plot = StakeholderMatrix.plot
        #expect(entries.positions.allSatisfy { $0.x >= plot.x && $0.x <= plot.x + plot.width && $0.y >= plot.y && $0.y <= plot.y + plot.height })
        let svg = Self.matrixSVG(points)
        #expect(XMLCheck(svg).wellFormed)
        #expect(svg.contains(">25</text>"))
    }

    @Test func matrixDescribesWhoIsInWhichQuadrant() {
        let desc = XMLCheck(Self.matrixSVG()).text(of: "desc")
        #expect(desc.hasPrefix("Qui associer, qui informer\u{00A0}: la carte des acteurs de la coopération avec Ziguinchor. 9 parties prenantes"))
        #expect(desc.contains("Associer étroitement (pouvoir et intérêt élevés)\u{00A0}: 1. Commune de Ziguinchor (Partenaires au Sénégal\u{202F}; intérêt 5, pouvoir 5, légitimité 5 sur 5)."))
        #expect(desc.contains("Satisfaire (pouvoir élevé, intérêt faible)\u{00A0}: 2. Conseil départemental"))
        #expect(desc.contains("9. Réseau régional multi-acteurs (RRMA) (Institutions\u{202F}; intérêt 3, pouvoir 3, légitimité 4 sur 5, au centre de la matrice)"))
        #expect(desc.contains("3. Association Jumelage Valmont–Ziguinchor (Société civile\u{202F}; intérêt 5, pouvoir 3, légitimité 5 sur 5, entre «\u{202F}Informer\u{202F}» et «\u{202F}Associer étroitement\u{202F}»)"))
    }

    @Test func emptyMatrixKeepsItsQuadrantsAndSaysWhy() {
        let svg = Self.matrixSVG([])
        let xml = XMLCheck(svg)
        #expect(xml.wellFormed)
        #expect(svg.contains("Aucune partie prenante renseignée."))
        for name in ["Associer étroitement", "Satisfaire", "Informer", "Surveiller"] { #expect(svg.contains(">\(name)</text>")) }
        #expect(xml.text(of: "desc").hasSuffix("Aucune partie prenante n’est renseignée\u{00A0}: la matrice pouvoir-intérêt est vide."))
    }

    // MARK: The funding chart

    @Test func fundingWritesEurosAndSharesAndTotal() {
        let svg = Self.fundingSVG()
        #expect(svg.contains(">120\u{202F}000\u{202F}€<tspan class=\"financement-part\" font-weight=\"normal\" fill=\"#5b6170\"> (43\u{202F}%)</tspan>"))
        #expect(svg.contains(">280\u{202F}000\u{202F}€</text>"))
        // The long label is cut on its second line; the whole name stays in the bar's title.
        #expect(svg.contains("<title>FICOL (AFD)\u{00A0}: Facilité de financement des collectivités territoriales françaises\u{00A0}: 120\u{202F}000\u{202F}€ (43\u{202F}%)</title>"))
        #expect(svg.contains("…</tspan>"))
    }

    @Test func fundingDrawsNoBarForNothingOrLess() {
        let svg = Self.fundingSVG([.init(label: "Dons", amount: 0), .init(label: "Reprise", amount: -1_500), .init(label: "Fonds propres", amount: 10_000)])
        #expect(svg.components(separatedBy: "<rect class=\"financement-rect\"").count == 2)
        #expect(svg.contains(">\u{2212}1\u{202F}500\u{202F}€</text>"))
        #expect(svg.contains(">8\u{202F}500\u{202F}€</text>"))
        #expect(!svg.contains("%"))
        #expect(XMLCheck(svg).wellFormed)
    }

    @Test func fundingSurvivesHugeAmounts() {
        let svg = Self.fundingSVG([.init(label: "A", amount: Int.max), .init(label: "B", amount: Int.max), .init(label: "C", amount: Int.min)])
        #expect(XMLCheck(svg).wellFormed)
        #expect(svg.contains("9\u{202F}223\u{202F}372\u{202F}036\u{202F}854\u{202F}775\u{202F}807\u{202F}€"))
    }

    @Test func emptyFundingSaysSo() {
        let svg = Self.fundingSVG([])
        #expect(XMLCheck(svg).wellFormed)
        #expect(svg.contains("Aucune source de financement renseignée."))
    }

    // MARK: The timeline

    @Test func timelineGroupsRowsAndDrawsMilestones() {
        let svg = Self.timelineSVG()
        let xml = XMLCheck(svg)
        #expect(xml.wellFormed)
        // Groups in order of first appearance, rows under their group.
        let drawing = svg[svg.range(of: "</desc>")!.upperBound...]
        let r1 = drawing.range(of: ">R1 Gouvernance")!.lowerBound, r2 = drawing.range(of: ">R2 Jeunesse")!.lowerBound, r3 = drawing.range(of: ">R3 Pilotage")!.lowerBound
        let works = drawing.range(of: ">Travaux d’adduction")!.lowerBound
        #expect(r1 < works && works < r2 && r2 < r3)
        for year in 2026...2031 { #expect(svg.contains(">\(year)</text>")) }
        #expect(!svg.contains(">2032</text>"))  // three months: too narrow for its label
        #expect(svg.components(separatedBy: "stroke-dasharray=\"4 3\"").count == 4)
        #expect(xml.text(of: "desc").contains("Jalons\u{00A0}: Délibération-cadre (juin 2026)\u{202F}; Évaluation à mi-parcours (mars 2029)\u{202F}; Évaluation finale (déc. 2031)."))
    }

    @Test func timelineSwapsBoundsAndMarksOddRows() {
        let rows: [Timeline.Row] = [
            .init(label: "À l’envers", group: "R1", start: Self.month(2028, 6), end: Self.month(2027, 1)),
            .init(label: "Trop tôt", group: "R1", start: Self.month(2020, 1), end: Self.month(2021, 1)),
            .init(label: "Trop tard", group: "R1", start: Self.month(2040, 1), end: Self.month(2041, 1)),
            .init(label: "Déborde", group: "", start: Self.month(2020, 1), end: Self.month(2040, 1)),
        ]
        let swapped = Self.timelineSVG(rows, from: Self.month(2032, 3), to: Self.month(2026, 4))
        #expect(swapped == Self.timelineSVG(rows))
        #expect(swapped.contains("fin antérieure au début"))
        #expect(swapped.contains("avant la période représentée"))
        #expect(swapped.contains("après la période représentée"))
        #expect(swapped.components(separatedBy: "class=\"chrono-hors\"").count == 3)
        // The overflowing row is clamped to the whole axis.
        #expect(swapped.contains("<rect class=\"chrono-barre\" x=\"\(Timeline.chart.x)\" y=\"") && swapped.contains("width=\"\(Timeline.chart.width)\""))
        #expect(XMLCheck(swapped).wellFormed)
    }

    @Test func timelineWithOneMonthOrHugeRangeStaysSmall() {
        let one = Self.timelineSVG(from: Self.month(2027, 1), to: Self.month(2027, 1))
        #expect(XMLCheck(one).wellFormed)
        let huge = Self.timelineSVG(from: Int.min, to: Int.max)
        #expect(XMLCheck(huge).wellFormed)
        #expect(huge.utf8.count < 20_000)
    }

    @Test func timelineHandlesTwoHundredRows() {
        let rows = (0..<200).map { Timeline.Row(label: "Activité numéro \($0) avec un intitulé particulièrement long pour tester la coupure", group: "R\($0 / 20 + 1) Résultat attendu", start: Self.month(2026, 4) + $0 % 60, end: Self.month(2026, 4) + $0 % 60 + 12) }
        let svg = Self.timelineSVG(rows)
        let xml = XMLCheck(svg)
        #expect(xml.wellFormed)
        #expect(svg.components(separatedBy: "<g class=\"chrono-activite\">").count == 201)
        #expect(svg.components(separatedBy: "<g class=\"chrono-groupe\">").count == 11)
        #expect(xml.height > 200 * Timeline.rowHeight)
        #expect(svg.contains("…</text>"))
    }

    @Test func emptyTimelineStillHasItsAxis() {
        let svg = Self.timelineSVG([], milestones: [])
        #expect(XMLCheck(svg).wellFormed)
        #expect(svg.contains("Aucune activité renseignée."))
        #expect(svg.contains(">2029</text>"))
    }

    @Test func monthNamesAreFrench() {
        #expect(Timeline.monthName(Self.month(2026, 1)) == "janv. 2026")
        #expect(Timeline.monthName(Self.month(2031, 12)) == "déc. 2031")
        #expect(Timeline.monthName(Self.month(2029, 8)) == "août 2029")
    }

    // MARK: Helpers

    @Test func formatsEurosTheFrenchWay() {
        #expect(Money.euros(120_000) == "120\u{202F}000\u{202F}€")
        #expect(Money.euros(1_500) == "1\u{202F}500\u{202F}€")
        #expect(Money.euros(999) == "999\u{202F}€")
        #expect(Money.euros(0) == "0\u{202F}€")
        #expect(Money.euros(-2_500_000) == "\u{2212}2\u{202F}500\u{202F}000\u{202F}€")
        #expect(Money.euros(Int.min).hasPrefix("\u{2212}9\u{202F}223"))
    }

    @Test func wrapsOnTwoLinesAndCutsWithAnEllipsis() {
        let short = ChartText.lines("Fonds propres", maxWidth: 186, size: 11, maxLines: 2)
        #expect(short.lines == ["Fonds propres"] && !short.truncated)
        let long = ChartText.lines(String(repeating: "coopération décentralisée ", count: 10), maxWidth: 186, size: 11, maxLines: 2)
        #expect(long.lines.count == 2 && long.truncated && long.lines[1].hasSuffix("…"))
        #expect(long.lines.allSatisfy { ChartText.width($0, size: 11) <= 186 })
        let word = ChartText.lines(String(repeating: "x", count: 300), maxWidth: 100, size: 11, maxLines: 2)
        #expect(word.lines.count == 2 && word.truncated && word.lines.allSatisfy { ChartText.width($0, size: 11) <= 100 })
        let emoji = ChartText.lines(String(repeating: "👩🏽‍🌾", count: 40), maxWidth: 100, size: 11, maxLines: 1)
        #expect(emoji.lines[0].hasSuffix("👩🏽‍🌾…"))
    }

    @Test func cleansControlsAndMakesSafeIdentifiers() {
        #expect(ChartText.clean("  A\u{0}B\u{7}\n\t C\u{202E}D  ") == "AB CD")
        #expect(ChartText.identifier("matrice-acteurs") == "matrice-acteurs")
        #expect(ChartText.identifier("\"><script>") == "g--script-")
        #expect(ChartText.identifier("") == "graphique")
    }

    // MARK: Hostile input

    static let hostile = [
        "<script>alert(1)</script>",
        "Tom & Jerry \"SARL\" l'« ami »",
        "fin de section ]]> et <![CDATA[ x ]]>",
        "Coopération 🌍🤝🇸🇳 👩🏽‍🌾",
        String(repeating: "Association intercommunale pour le développement ", count: 6) + String(repeating: "x", count: 10),
        "contrôle\u{0}\u{1B}[31m\u{7F} et \u{202E}inversé",
        "",
    ]

    static func hostileRenderings() -> [(name: String, html: String)] {
        let labels = hostile
        let id = "<id \"x\">"
        var list: [(String, String)] = []
        list.append(("afom", SWOTGrid.html(forces: labels, faiblesses: labels.reversed(), opportunites: [labels[0]], menaces: [labels[4]])))
        let points = labels.enumerated().map { StakeholderMatrix.Point(label: $0.element, interest: $0.offset - 1, power: 7 - $0.offset, legitimacy: $0.offset, group: labels[($0.offset + 2) % labels.count]) }
        list.append(("matrice", StakeholderMatrix.svg(id: id, title: labels[0], description: labels[2], points: points)))
        let bars = labels.enumerated().map { FundingChart.Bar(label: $0.element, amount: $0.offset * 12_345 - 10_000) }
        list.append(("financement", FundingChart.svg(id: id, title: labels[1], description: labels[0], bars: bars)))
        let rows = (0..<200).map { Timeline.Row(label: labels[$0 % labels.count], group: labels[($0 / 30) % labels.count], start: month(2026, 1) + ($0 * 7) % 90 - 6, end: month(2026, 1) + ($0 * 11) % 90 - 10) }
        let marks = labels.enumerated().map { Timeline.Milestone(label: $0.element, month: month(2029, 1) + $0.offset) }
        list.append(("chronogramme", Timeline.svg(id: id, title: labels[3], description: labels[4], rows: rows, milestones: marks, from: month(2032, 3), to: month(2026, 4))))
        list.append(("matrice-vide", StakeholderMatrix.svg(id: "", title: "", description: "", points: [])))
        list.append(("financement-vide", FundingChart.svg(id: "", title: "", description: "", bars: [])))
        list.append(("chronogramme-vide", Timeline.svg(id: "", title: "", description: "", rows: [], milestones: [], from: 0, to: 0)))
        return list
    }

    @Test func hostileTextStaysEscapedReadableAndWellFormed() throws {
        let renderings = Self.hostileRenderings()
        if let folder = ProcessInfo.processInfo.environment["CADRE_CHART_PREVIEW"] {
            for (name, html) in renderings {
                try html.write(toFile: folder + "/hostile-\(name).html", atomically: true, encoding: .utf8)
            }
        }
        for (name, html) in renderings {
            let xml = XMLCheck(html)
            #expect(xml.wellFormed, "\(name): \(xml.error ?? "")")
            #expect(!html.lowercased().contains("<script"), "\(name)")
            #expect(!html.contains("<![CDATA["), "\(name)")
            #expect(!html.contains("]]>"), "\(name)")
            #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(name)")
            #expect(!html.contains("\u{202E}"), "\(name)")
            if name.hasSuffix("vide") { continue }
            // The text reads as written, escaped once.
            #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "\(name)")
            #expect(html.contains("Tom &amp; Jerry &quot;SARL&quot; l’«\u{202F}ami\u{202F}»"), "\(name)")
            #expect(html.contains("🌍🤝🇸🇳 👩🏽‍🌾"), "\(name)")
            #expect(html.contains("contrôle[31m et inversé"), "\(name)")
            #expect(!html.contains("&amp;lt;"), "\(name)")
        }
        for (name, html) in renderings where html.contains("<svg") {
            let xml = XMLCheck(html)
            #expect(xml.attribute("svg", "role") == "img", "\(name)")
            #expect(!xml.text(of: "title").isEmpty || name.hasSuffix("vide"), "\(name)")
            #expect(!xml.text(of: "desc").isEmpty, "\(name)")
            #expect(xml.attribute("svg", "aria-labelledby")?.contains("\"") == false, "\(name)")
        }
    }

    @Test func descriptionsAlreadyHaveFrenchTypography() {
        let renderings = [Self.matrixSVG(), Self.fundingSVG(), Self.timelineSVG()] + Self.hostileRenderings().map(\.html).filter { $0.contains("<svg") }
        for html in renderings {
            let desc = XMLCheck(html).text(of: "desc")
            #expect(!desc.isEmpty)
            #expect(FrenchTypography.apply(desc) == desc, "\(desc)")
        }
    }

    @Test func sameInputGivesTheSameBytes() {
        #expect(Self.swotHTML() == Self.swotHTML())
        #expect(Self.matrixSVG() == Self.matrixSVG())
        #expect(Self.fundingSVG() == Self.fundingSVG())
        #expect(Self.timelineSVG() == Self.timelineSVG())
        let first = Self.hostileRenderings(), second = Self.hostileRenderings()
        #expect(first.map(\.html) == second.map(\.html))
    }

    @Test func rendersAThousandDocumentsQuickly() {
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            var bytes = 0
            for index in 0..<1_000 {
                var points = Self.stakeholders
                points[0].label += " \(index)"
                bytes += Self.swotHTML().utf8.count + Self.matrixSVG(points).utf8.count + Self.fundingSVG().utf8.count + Self.timelineSVG().utf8.count
            }
            #expect(bytes > 0)
        }
        // A debug build on a shared machine: the bound is loose; a release build is several times faster.
        #expect(elapsed < .seconds(30), "\(elapsed)")
        print("ChartTests: 1 000 documents × 4 graphiques en \(elapsed)")
    }
}

/// Parses a rendering as XML: whether it is well formed, the text of an element, an attribute.
final class XMLCheck: NSObject, XMLParserDelegate {
    private(set) var wellFormed = false
    private(set) var error: String?
    private var texts: [String: String] = [:]
    private var attributes: [String: [String: String]] = [:]
    private var open: [String] = []

    init(_ text: String) {
        super.init()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = self
        wellFormed = parser.parse()
        if !wellFormed { error = parser.parserError.map { "\($0)" } ?? "erreur" }
    }

    func text(of element: String) -> String { texts[element] ?? "" }
    func attribute(_ element: String, _ name: String) -> String? { attributes[element]?[name] }
    var height: Int { Int(attribute("svg", "height") ?? "") ?? 0 }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes attributeDict: [String: String] = [:]) {
        open.append(elementName)
        if attributes[elementName] == nil { attributes[elementName] = attributeDict }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        // Only the first title and desc (the chart's), not the tooltips of its parts.
        guard let element = open.last, element == "title" || element == "desc" else { return }
        if open.count == 3 { texts[element, default: ""] += string }
    }
}
