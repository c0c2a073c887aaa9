import Foundation
import Yams

/// A collectivité's file as the atelier edits it: YAML values in their written order, so that
/// keys the form does not know (a hand-written file's extras) survive a save.
indirect enum StrategyTree: Equatable, Sendable {
    /// A scalar: its text, and whether it is written as a number, a date or a boolean (plain)
    /// or as text (quoted when YAML would read it as something else).
    case scalar(String, typed: Bool)
    case list([StrategyTree])
    case map([(key: String, value: StrategyTree)])

    static func == (lhs: StrategyTree, rhs: StrategyTree) -> Bool {
        switch (lhs, rhs) {
        case let (.scalar(a, typedA), .scalar(b, typedB)): a == b && typedA == typedB
        case let (.list(a), .list(b)): a == b
        case let (.map(a), .map(b)): a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    static let empty = StrategyTree.map([])

    /// The tree of a YAML text; nil when the text is not YAML (the review says why, with its line).
    init?(yaml: String) {
        guard let composed = try? Yams.compose(yaml: yaml) else {
            if yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { self = .empty; return }
            return nil
        }
        self.init(node: composed)
    }

    init(node: Node) {
        switch node {
        case .scalar(let scalar):
            let typed = scalar.style == .plain && Self.resolvesAsNonText(scalar.string)
            self = .scalar(scalar.string, typed: typed)
        case .sequence(let sequence):
            self = .list(sequence.map(StrategyTree.init(node:)))
        case .mapping(let mapping):
            self = .map(mapping.map { (key: $0.key.string ?? "", value: StrategyTree(node: $0.value)) })
        case .alias:
            self = .scalar("", typed: false)
        }
    }

    // MARK: Reading

    subscript(key: String) -> StrategyTree? {
        guard case .map(let pairs) = self else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    func value(at path: FieldPath) -> StrategyTree? {
        var node: StrategyTree? = self
        for step in path.steps {
            switch step {
            case .key(let key): node = node?[key]
            case .index(let index):
                guard case .list(let items)? = node, items.indices.contains(index) else { return nil }
                node = items[index]
            }
        }
        return node
    }

    /// The text of a scalar (a list's items joined by `separator`), empty when absent.
    func text(at path: FieldPath, separator: String = "\n") -> String {
        switch value(at: path) {
        case .scalar(let text, _)?: text
        case .list(let items)?: items.compactMap { if case .scalar(let text, _) = $0 { text } else { nil } }.joined(separator: separator)
        default: ""
        }
    }

    /// The items of a list, none when absent.
    func items(at path: FieldPath) -> [StrategyTree] {
        if case .list(let items)? = value(at: path) { return items }
        return []
    }

    // MARK: Writing

    /// The tree with `value` at `path` (nil removes the key), creating the maps on the way.
    func setting(_ value: StrategyTree?, at path: FieldPath) -> StrategyTree {
        guard let first = path.steps.first else { return value ?? .empty }
        let rest = FieldPath(Array(path.steps.dropFirst()))
        switch first {
        case .key(let key):
            var pairs: [(key: String, value: StrategyTree)] = []
            if case .map(let existing) = self { pairs = existing }
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                let child = rest.steps.isEmpty ? value : pairs[index].value.setting(value, at: rest)
                if let child { pairs[index].value = child } else { pairs.remove(at: index) }
            } else if let child = rest.steps.isEmpty ? value : StrategyTree.empty.setting(value, at: rest) {
                pairs.append((key, child))
            }
            return .map(pairs)
        case .index(let index):
            guard case .list(var items) = self, items.indices.contains(index) else { return self }
            items[index] = rest.steps.isEmpty ? (value ?? .empty) : items[index].setting(value, at: rest)
            return .list(items)
        }
    }

    // MARK: YAML

    /// The file's text: two-space indentation, lists under their key, text quoted only where
    /// YAML would read it as something else. Same tree, same bytes.
    var yaml: String {
        var out = ""
        write(into: &out, indent: 0, inList: false)
        return out.isEmpty ? "{}\n" : out
    }

    private func write(into out: inout String, indent: Int, inList: Bool) {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .map(let pairs):
            for (offset, pair) in pairs.enumerated() {
                // A list item's first key follows its dash.
                if !(inList && offset == 0) { out += pad }
                out += Self.key(pair.key) + ":"
                pair.value.writeValue(into: &out, indent: indent)
            }
        case .list(let items):
            for item in items {
                out += pad + "- "
                switch item {
                case .map(let pairs) where !pairs.isEmpty: item.write(into: &out, indent: indent + 2, inList: true)
                case .list(let inner) where !inner.isEmpty:
                    out += "\n"
                    item.write(into: &out, indent: indent + 2, inList: false)
                default: out += item.inline + "\n"
                }
            }
        case .scalar:
            out += pad + inline + "\n"
        }
    }

    /// After `key:`: a scalar or an empty collection on the same line, else the block below.
    private func writeValue(into out: inout String, indent: Int) {
        switch self {
        case .map(let pairs) where !pairs.isEmpty:
            out += "\n"
            write(into: &out, indent: indent + 2, inList: false)
        case .list(let items) where !items.isEmpty:
            out += "\n"
            write(into: &out, indent: indent + 2, inList: false)
        default:
            out += " " + inline + "\n"
        }
    }

    private var inline: String {
        switch self {
        case .scalar(let text, let typed): typed ? text : Self.quoted(text)
        case .list: "[]"
        case .map: "{}"
        }
    }

    private static func key(_ key: String) -> String {
        key.range(of: #"^[A-Za-z_][A-Za-z0-9_]*$"#, options: .regularExpression) != nil ? key : quoted(key, always: true)
    }

    /// `text` as a YAML scalar that reads back as this very string.
    static func quoted(_ text: String, always: Bool = false) -> String {
        if !always, isPlainSafe(text) { return text }
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{FEFF}" {
                    escaped += String(format: "\\u%04X", scalar.value)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped + "\""
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if " \t".unicodeScalars.contains(last) || " \t".unicodeScalars.contains(first) { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        if text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}" || $0 == "\u{85}" }) { return false }
        // Text that YAML would read as a number, a date, a boolean or null.
        return !resolvesAsNonText(text)
    }

    /// Whether YAML reads `text`, written plain, as a number, a date, a boolean or null.
    private static func resolvesAsNonText(_ text: String) -> Bool {
        Resolver.default.resolveTag(of: Node.scalar(.init(text))) != .str
    }
}
