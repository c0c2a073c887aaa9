/// `schema-etapes`: the steps of the method as a row of arrows, each with its purpose.
/// Source: an object with a list `etapes` of {numero, nom, objet}.
struct StepsDiagram: Component {
    let name = "schema-etapes"

    func blocks(for request: ComponentRequest) -> [Block]? {
        guard let (source, data) = request.sourceData(),
              let rows = SVG.rows("etapes", of: data, request: request, source: source),
              let names = SVG.strings("nom", in: rows, request: request, source: source),
              let purposes = SVG.strings("objet", in: rows, request: request, source: source) else { return nil }
        return [SVG.schema(StepsGraphic(names: names, purposes: purposes))]
    }
}

/// The steps drawn: arrows with a number and a name, the purpose below.
struct StepsGraphic: Graphic {
    var names: [String]
    var purposes: [String]

    var identifier: String { "schema-etapes" }
    var title: String { "Les \(names.count) étapes de la démarche" }

    func mapTexts(_ transform: (String) -> String) -> StepsGraphic {
        StepsGraphic(names: names.map(transform), purposes: purposes.map(transform))
    }

    func svg() -> String {
        let step = 170, gap = 8, width = names.count * step + (names.count - 1) * gap
        var body = ""
        for index in names.indices {
            let x = index * (step + gap)
            let tip = x + step, notch = index == 0 ? 0 : 16
            body += "<polygon class=\"etape-fleche\" points=\"\(x),0 \(tip - 16),0 \(tip),36 \(tip - 16),72 \(x),72 \(x + notch),36\"/>"
            body += "<text class=\"etape-numero\" x=\"\(x + notch + 12)\" y=\"30\">\(index + 1)</text>"
            body += SVG.text(names[index], x: x + notch + 34, y: 30, width: 14, className: "etape-nom")
            body += SVG.text(purposes[index], x: x + 4, y: 100, width: 26, lineHeight: 15, className: "etape-objet")
        }
        let description = names.indices.map { "\($0 + 1). \(names[$0]) : \(purposes[$0])" }.joined(separator: " ")
        return SVG.figure(id: "schema-etapes", width: width, height: 170, title: title, description: description, style: SVG.schemaStyle, body: body)
    }

    var dataTable: Table? {
        Table(caption: [.text(title)], head: [TableRow(cells: [TableCell(.columnHeader, [.text("Étape")]), TableCell(.columnHeader, [.text("Objet")])])],
              body: names.indices.map { TableRow(cells: [TableCell(.rowHeader, [.text("\($0 + 1). \(names[$0])")]), TableCell([.text(purposes[$0])])]) })
    }
}
