import Cadre
import Foundation
import Yams

/// Which field a diagnostic of `cadre strategie` concerns: diagnostics point at a line and a
/// column of the file, and the file's YAML says which value sits there.
struct FieldLocator {
    private var places: [Place: FieldPath] = [:]
    private var ordered: [(place: Place, path: FieldPath)] = []

    private struct Place: Hashable, Comparable {
        var line: Int
        var column: Int
        static func < (a: Place, b: Place) -> Bool { (a.line, a.column) < (b.line, b.column) }
    }

    /// Rules about something missing from the whole file point at its first line: the field they mean.
    static let ruleFields: [String: FieldPath] = [
        "deliberation": .key("deliberation"),
        "afom-complet": .key("diagnostic"),
        "objectif-general-mesure": .key("mesure_objectif_general"),
        "evaluations-programmees": .key("evaluations"),
    ]

    /// The places of `node`, the file's composed YAML (none for a file that is not YAML).
    init(node: Node?) {
        guard let node else { return }
        walk(node, path: nil)
        ordered = places.map { ($0.key, $0.value) }.sorted { $0.place < $1.place }
    }

    private mutating func walk(_ node: Node, path: FieldPath?) {
        if let path, let mark = node.mark {
            let place = Place(line: mark.line, column: mark.column)
            // The deepest value wins: a list item's map starts where its first key does.
            if places[place] == nil || (places[place]!.steps.count < path.steps.count) { places[place] = path }
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                guard let name = key.string else { continue }
                walk(value, path: path?.appending(name) ?? .key(name))
                if let child = path?.appending(name) ?? Optional(.key(name)), let mark = key.mark {
                    places[Place(line: mark.line, column: mark.column)] = places[Place(line: mark.line, column: mark.column)] ?? child
                }
            }
        case .sequence(let sequence):
            for (index, item) in sequence.enumerated() {
                walk(item, path: path?.appending(index) ?? FieldPath([.index(index)]))
            }
        default:
            break
        }
    }

    /// The field `diagnostic` concerns; nil when it concerns the file as a whole.
    func path(of diagnostic: Diagnostic) -> FieldPath? {
        if let missing = Self.missingField(diagnostic.message) { return missing }
        if let rule = Self.rule(of: diagnostic), let path = Self.ruleFields[rule] { return path }
        if diagnostic.message.hasPrefix("la mandature") { return .key("mandature") }
        let place = Place(line: diagnostic.line, column: diagnostic.column)
        if let exact = places[place] { return exact }
        guard diagnostic.line > 1 else { return nil }
        // Else the last value that starts before the place (on its line).
        return ordered.last { $0.place <= place && $0.place.line == place.line }?.path
    }

    /// `objectif-date` of « [objectif-date] l'objectif… ».
    static func rule(of diagnostic: Diagnostic) -> String? {
        guard diagnostic.message.hasPrefix("["), let end = diagnostic.message.firstIndex(of: "]") else { return nil }
        return String(diagnostic.message[diagnostic.message.index(after: diagnostic.message.startIndex)..<end])
    }

    /// « champ obligatoire « vision » manquant » → `vision`;
    /// « … « intitule » manquant dans « resultats[2].activites[1] » » → `resultats.1.activites.0.intitule`.
    static func missingField(_ message: String) -> FieldPath? {
        guard message.hasPrefix("champ obligatoire « "), let keyEnd = message.range(of: " » manquant") else { return nil }
        let key = String(message[message.index(message.startIndex, offsetBy: "champ obligatoire « ".count)..<keyEnd.lowerBound])
        var parent = ""
        if let within = message.range(of: " manquant dans « ") {
            parent = String(message[within.upperBound...])
            if parent.hasSuffix(" »") { parent.removeLast(2) }
        }
        var steps: [FieldPath.Step] = []
        var name = ""
        var index = ""
        var inIndex = false
        for character in parent {
            switch character {
            case ".": if !name.isEmpty { steps.append(.key(name)); name = "" }
            case "[": if !name.isEmpty { steps.append(.key(name)); name = "" }; inIndex = true
            case "]": if let number = Int(index) { steps.append(.index(number - 1)) }; index = ""; inIndex = false
            default: if inIndex { index.append(character) } else { name.append(character) }
            }
        }
        if !name.isEmpty { steps.append(.key(name)) }
        return FieldPath(steps + [.key(key)])
    }
}
