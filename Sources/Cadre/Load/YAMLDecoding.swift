import Yams

/// Decodes typed models from YAML, reporting every problem with its file, line and column:
/// syntax, wrong types, missing fields and unknown keys (with a "did you mean…" hint).
///
/// Yams parses; this decoder walks Yams' node tree itself because its own decoder neither
/// knows where a value came from nor rejects keys a model does not have. After a problem it
/// carries on with a placeholder, so that one run reports all the problems of a file.
public enum YAMLDecoding {
    /// The model, or nil when the source has errors (all of them reported to `sink`).
    public static func decode<T: Decodable>(_ type: T.Type, from source: YAMLSource, into sink: DiagnosticSink) -> T? {
        switch source.parse() {
        case .failure(let diagnostic):
            sink.report(diagnostic)
            return nil
        case .success(let node):
            return decode(type, from: node, source: source, into: sink)
        }
    }

    /// Decodes an already parsed node (for example a component's body inside a chapter).
    static func decode<T: Decodable>(_ type: T.Type, from node: Node, source: YAMLSource, into sink: DiagnosticSink) -> T? {
        let state = DecodingState(source: source)
        let value = try? T(from: NodeDecoder(node: node, state: state, codingPath: []))
        sink.report(state.diagnostics)
        if state.diagnostics.contains(where: { $0.severity == .error }) { return nil }
        return value
    }
}

/// Marks an error that has already been turned into a diagnostic.
struct ReportedError: Error {}

final class DecodingState {
    let source: YAMLSource
    var diagnostics: [Diagnostic] = []
    /// The keys each model accepts, by CodingKeys type: a file has many objects of one model.
    private var knownKeys: [ObjectIdentifier: KnownKeys?] = [:]

    struct KnownKeys {
        var names: [String]
        var set: Set<String>
    }

    init(source: YAMLSource) { self.source = source }

    func report(_ message: String, at node: Node?, hint: String? = nil) {
        diagnostics.append(source.location(node?.mark).error(message, hint: hint))
    }

    /// The keys a model accepts, when its CodingKeys list them (`CaseIterable`); nil for dictionaries.
    func knownKeys<Key: CodingKey>(_ type: Key.Type) -> KnownKeys? {
        if let known = knownKeys[ObjectIdentifier(type)] { return known }
        var known: KnownKeys?
        if let cases = Key.self as? any CaseIterable.Type {
            let names = (cases.allCases as any Collection).map { ($0 as! Key).stringValue }
            known = KnownKeys(names: names, set: Set(names))
        }
        knownKeys[ObjectIdentifier(type)] = known
        return known
    }
}

extension Node {
    /// How a user would name the kind of this value, in French.
    var kindName: String {
        switch self {
        case .mapping: return "un objet (clé: valeur)"
        case .sequence: return "une liste"
        case .scalar(let scalar): return scalar.string.isEmpty ? "une valeur vide" : "« \(scalar.string) »"
        default: return "un alias"
        }
    }

    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
        switch scalar.string {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

/// The YAML name of a coding path, e.g. `objectifs[2].indicateurs`.
func pathName(_ path: [CodingKey]) -> String {
    var name = ""
    for key in path {
        if let index = key.intValue { name += "[\(index + 1)]" } else { name += name.isEmpty ? key.stringValue : ".\(key.stringValue)" }
    }
    return name
}

struct NodeDecoder: Decoder {
    let node: Node
    let state: DecodingState
    let codingPath: [CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else {
            state.report("\(pathName(codingPath).isEmpty ? "le document" : "« \(pathName(codingPath)) »") doit être un objet (clé: valeur), trouvé \(node.kindName)", at: node)
            throw ReportedError()
        }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(mapping: mapping, node: node, state: state, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        if node.isNull { return NodeUnkeyedContainer(items: [], state: state, codingPath: codingPath) }
        guard case .sequence(let sequence) = node else {
            state.report("« \(pathName(codingPath)) » doit être une liste, trouvé \(node.kindName)", at: node, hint: "écrivez une liste, un élément par ligne commençant par « - »")
            throw ReportedError()
        }
        return NodeUnkeyedContainer(items: Array(sequence), state: state, codingPath: codingPath)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        NodeValueContainer(node: node, state: state, codingPath: codingPath)
    }

    /// Decodes a child value; a problem is reported and replaced by a placeholder so decoding goes on.
    static func decodeChild<T: Decodable>(_ type: T.Type, node child: Node, state: DecodingState, path: [CodingKey]) throws -> T {
        do {
            return try T(from: NodeDecoder(node: child, state: state, codingPath: path))
        } catch let error as DecodingError {
            state.report(Self.message(for: error, path: path), at: child, hint: Self.hint(for: T.self, node: child))
        } catch {}
        return try Placeholder.make(T.self)
    }

    private static func message(for error: DecodingError, path: [CodingKey]) -> String {
        let name = pathName(path)
        switch error {
        case .dataCorrupted, .typeMismatch:
            return "valeur invalide pour « \(name) »"
        case .keyNotFound(let key, _):
            return "champ obligatoire « \(key.stringValue) » manquant dans « \(name) »"
        case .valueNotFound:
            return "valeur manquante pour « \(name) »"
        @unknown default:
            return "valeur invalide pour « \(name) »"
        }
    }

    private static func hint<T>(for type: T.Type, node: Node) -> String? {
        if let hinted = T.self as? YAMLHinted.Type { return hinted.yamlHint }
        guard let cases = T.self as? any (CaseIterable & RawRepresentable).Type else { return nil }
        let names = Self.caseNames(cases)
        return Suggestion.hint(for: node.scalar?.string ?? "", in: names, noun: "valeurs")
    }

    private static func caseNames<E: CaseIterable & RawRepresentable>(_ type: E.Type) -> [String] {
        E.allCases.map { "\($0.rawValue)" }
    }
}
