/// `tableau`: a table from a list of objects in the data, one column per chosen key.
///
/// ```tableau
/// source: donnees.rattachements.modeles
/// colonnes:
///   nom: Rattachement
///   avantages: Avantages
/// legende: Avantages et contraintes de chaque rattachement
/// ```
enum DataTable: Component {
    static let name = "tableau"

    struct Parameters: Decodable {
        var source: String
        var colonnes: Columns
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

    static func render(_ request: ComponentRequest) -> String? {
        guard let parameters = request.parameters(Parameters.self), let data = request.value(at: parameters.source) else { return nil }
        guard let rows = data as? [Any], rows.allSatisfy({ $0 is [String: Any] }) else {
            request.error("la source « \(parameters.source) » doit être une liste d'objets", hint: "chaque élément de la liste porte les clés des colonnes")
            return nil
        }
        var html = "<figure class=\"tableau\">\n<table>\n"
        if let legende = parameters.legende {
            html += "<caption>\(request.acronyms.html(legende))</caption>\n"
        }
        html += "<thead><tr>" + parameters.colonnes.list.map { "<th scope=\"col\">\(request.acronyms.html($0.title))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        var complete = true
        for (position, row) in rows.enumerated() {
            let object = row as! [String: Any]
            html += "<tr>"
            for (index, column) in parameters.colonnes.list.enumerated() {
                guard let value = object[column.key] else {
                    request.error("l'élément \(position + 1) de « \(parameters.source) » n'a pas de champ « \(column.key) »", key: "colonnes", hint: Suggestion.hint(for: column.key, in: Array(object.keys), noun: "champs"))
                    complete = false
                    continue
                }
                let tag = index == 0 ? "th scope=\"row\"" : "td"
                html += "<\(tag)>\(cell(value, acronyms: request.acronyms))</\(tag.prefix(2))>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n</figure>"
        return complete ? html : nil
    }

    /// A cell: text, a bulleted list for a list, a dash for an empty value.
    static func cell(_ value: Any, acronyms: AcronymMarker) -> String {
        switch value {
        case let list as [Any]:
            return "<ul>" + list.map { "<li>\(cell($0, acronyms: acronyms))</li>" }.joined() + "</ul>"
        case let flag as Bool:
            return flag ? "oui" : "non"
        case let text as String:
            return acronyms.html(text)
        case let object as [String: Any]:
            return object.keys.sorted().map { "\(acronyms.html($0)) : \(cell(object[$0]!, acronyms: acronyms))" }.joined(separator: "<br>")
        default:
            return "—"
        }
    }
}

/// A coding key for any name (maps whose keys are data, such as table columns).
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
