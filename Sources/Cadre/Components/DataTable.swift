/// `tableau`: a table from a list of objects in the data, one column per chosen key.
///
/// ```tableau
/// source: donnees.rattachements.modeles
/// colonnes:
///   nom: Rattachement
///   avantages: Avantages
/// legende: Avantages et contraintes de chaque rattachement
/// ```
struct DataTable: Component {
    let name = "tableau"

    struct Parameters: Decodable {
        var source: Located<String>
        var colonnes: Located<Columns>
        var legende: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case source, colonnes, legende
        }
    }

    /// Column key → header, in the order written.
    struct Columns: Decodable {
        var list: [(key: String, title: String)] = []

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            for key in container.allKeys {
                list.append((key.stringValue, try container.decode(String.self, forKey: key)))
            }
        }
    }

    func blocks(for request: ComponentRequest) -> [Block]? {
        guard let parameters = request.parameters(Parameters.self), let data = request.value(at: parameters.source) else { return nil }
        guard let rows = data as? [Any], rows.allSatisfy({ $0 is [String: Any] }) else {
            request.error("la source « \(parameters.source.value) » doit être une liste d'objets", at: parameters.source.location, hint: "chaque élément de la liste porte les clés des colonnes")
            return nil
        }
        var table = Table(caption: parameters.legende.map { [.text($0)] })
        table.head = [TableRow(cells: parameters.colonnes.value.list.map { TableCell(.columnHeader, [.text($0.title)]) })]
        var complete = true
        for (position, row) in rows.enumerated() {
            let object = row as! [String: Any]
            var cells: [TableCell] = []
            for (index, column) in parameters.colonnes.value.list.enumerated() {
                guard let value = object[column.key] else {
                    request.error("l'élément \(position + 1) de « \(parameters.source.value) » n'a pas de champ « \(column.key) »", at: parameters.colonnes.location, hint: Suggestion.hint(for: column.key, in: Array(object.keys), noun: "champs"))
                    complete = false
                    continue
                }
                cells.append(TableCell(index == 0 ? .rowHeader : .data, blocks: Self.cell(value)))
            }
            table.body.append(TableRow(cells: cells))
        }
        return complete ? [.figure(Figure(attributes: .classes("tableau"), content: [.table(table)]))] : nil
    }

    /// A cell: text, a bulleted list for a list, a dash for an empty value.
    static func cell(_ value: Any) -> [Block] {
        switch value {
        case let list as [Any]:
            return [.list(List(items: list.map { ListItem(blocks: cell($0)) }))]
        case let object as [String: Any]:
            var inlines: [Inline] = []
            for (index, key) in object.keys.sorted().enumerated() {
                if index > 0 { inlines.append(.lineBreak) }
                inlines.append(.text(key + " : "))
                inlines += cell(object[key]!).flatMap(Self.inlines)
            }
            return [.plain(inlines)]
        default:
            return [.plain([.text(text(value))])]
        }
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case let flag as Bool: return flag ? "oui" : "non"
        case let text as String: return text
        default: return "—"
        }
    }

    private static func inlines(_ block: Block) -> [Inline] {
        if case .plain(let inlines) = block { return inlines }
        return []
    }
}

/// A coding key for any name (maps whose keys are data, such as table columns).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
