/// `carte-acteurs`: who funds and who supports a collectivité, as a map around it.
/// Source: an object with lists `bailleurs` of {nom, finance} and `appuis` of {nom, aide}.
struct FundingMap: Component {
    let name = "carte-acteurs"

    func blocks(for request: ComponentRequest) -> [Block]? {
        guard let (source, data) = request.sourceData(),
              let funders = SVG.rows("bailleurs", of: data, request: request, source: source),
              let supporters = SVG.rows("appuis", of: data, request: request, source: source),
              let funderNames = SVG.strings("nom", in: funders, request: request, source: source),
              let funds = SVG.strings("finance", in: funders, request: request, source: source),
              let supporterNames = SVG.strings("nom", in: supporters, request: request, source: source),
              let helps = SVG.strings("aide", in: supporters, request: request, source: source) else { return nil }
        return [SVG.schema(FundingMapGraphic(funderNames: funderNames, funds: funds, supporterNames: supporterNames, helps: helps))]
    }
}

/// Who funds (left) and who supports (right), linked to the collectivité in the middle.
struct FundingMapGraphic: Graphic {
    var funderNames: [String]
    var funds: [String]
    var supporterNames: [String]
    var helps: [String]

    var identifier: String { "carte-acteurs" }
    var title: String { "Qui finance, qui accompagne les collectivités" }

    func mapTexts(_ transform: (String) -> String) -> FundingMapGraphic {
        FundingMapGraphic(funderNames: funderNames.map(transform), funds: funds.map(transform), supporterNames: supporterNames.map(transform), helps: helps.map(transform))
    }

    var dataTable: Table? {
        let head = TableRow(cells: [TableCell(.columnHeader, [.text("Acteur")]), TableCell(.columnHeader, [.text("Rôle")])])
        let rows = funderNames.indices.map { TableRow(cells: [TableCell(.rowHeader, [.text(funderNames[$0])]), TableCell([.text("Finance : " + funds[$0])])]) }
            + supporterNames.indices.map { TableRow(cells: [TableCell(.rowHeader, [.text(supporterNames[$0])]), TableCell([.text("Accompagne : " + helps[$0])])]) }
        return Table(caption: [.text(title)], head: [head], body: rows)
    }

    func svg() -> String {
        let funders = funderNames, supporters = supporterNames
        let row = 74, width = 760, box = 250
        let height = max(funders.count, supporters.count) * row + 40
        let center = (x: width / 2, y: height / 2 + 10)
        var body = "<text class=\"carte-colonne\" x=\"0\" y=\"16\">Qui finance</text>"
        body += "<text class=\"carte-colonne\" x=\"\(width)\" y=\"16\" text-anchor=\"end\">Qui accompagne</text>"
        func column(_ names: [String], _ details: [String], x: Int, anchorX: Int, className: String) {
            for index in names.indices {
                let y = 32 + index * row
                body += "<line class=\"carte-lien\" x1=\"\(anchorX)\" y1=\"\(y + 26)\" x2=\"\(center.x)\" y2=\"\(center.y)\"/>"
                body += "<rect class=\"\(className)\" x=\"\(x)\" y=\"\(y)\" width=\"\(box)\" height=\"\(row - 10)\" rx=\"6\"/>"
                // Names wrap at 30 characters; the detail starts below however many lines the name took.
                let nameLines = SVG.wrap(names[index], width: 30).count
                body += SVG.text(names[index], x: x + 8, y: y + 16, width: 30, lineHeight: 14, className: "carte-nom")
                body += SVG.text(details[index], x: x + 8, y: y + 18 + nameLines * 14, width: 44, lineHeight: 12, className: "carte-detail")
            }
        }
        column(funderNames, funds, x: 0, anchorX: box, className: "carte-bailleur")
        column(supporterNames, helps, x: width - box, anchorX: width - box, className: "carte-appui")
        body += "<circle class=\"carte-centre\" cx=\"\(center.x)\" cy=\"\(center.y)\" r=\"62\"/>"
        body += SVG.text("Votre collectivité", x: center.x, y: center.y - 2, width: 12, className: "carte-centre-texte", anchor: "middle")
        let description = "Financent : " + funderNames.indices.map { "\(funderNames[$0]) (\(funds[$0]))" }.joined(separator: " ; ")
            + ". Accompagnent : " + supporterNames.indices.map { "\(supporterNames[$0]) (\(helps[$0]))" }.joined(separator: " ; ") + "."
        return SVG.figure(id: "carte-acteurs", width: width, height: height, title: title, description: description, style: SVG.schemaStyle, body: body)
    }
}
