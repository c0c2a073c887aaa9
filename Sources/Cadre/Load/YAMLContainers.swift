import Yams

/// An object: checks its keys against the model's, then hands each value to `NodeDecoder`.
struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let mapping: Node.Mapping
    /// The keys' names, in the order the file gives them (a table's columns keep their order).
    /// Objects are small: finding a key by a scan of its names costs less than hashing them all.
    let names: [String]
    let node: Node
    let state: DecodingState
    let codingPath: [CodingKey]

    init(mapping: Node.Mapping, node: Node, state: DecodingState, codingPath: [CodingKey]) {
        self.mapping = mapping
        self.names = mapping.map { $0.key.scalar?.string ?? "" }
        self.node = node
        self.state = state
        self.codingPath = codingPath
        if let known = state.knownKeys(Key.self) {
            for (name, (key, _)) in zip(names, mapping) where !known.set.contains(name) {
                let place = codingPath.isEmpty ? "" : " dans « \(pathName(codingPath)) »"
                state.report("clé inconnue « \(name) »\(place)", at: key, hint: Suggestion.hint(for: name, in: known.names))
            }
        }
    }

    /// The value written for `key`, if the object has it.
    private func value(_ key: Key) -> Node? {
        let name = key.stringValue
        guard let index = names.firstIndex(of: name) else { return nil }
        return mapping[mapping.startIndex + index].value
    }

    var allKeys: [Key] { names.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool { names.contains(key.stringValue) }

    func decodeNil(forKey key: Key) throws -> Bool { value(key)?.isNull ?? true }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let path = codingPath + [key]
        let written = value(key)
        guard let child = written, !child.isNull else {
            let place = codingPath.isEmpty ? "" : " dans « \(pathName(codingPath)) »"
            let missing = written == nil ? "champ obligatoire « \(key.stringValue) » manquant" : "« \(key.stringValue) » est vide"
            state.report("\(missing)\(place)", at: written ?? node, hint: "ajoutez « \(key.stringValue): … »")
            return try Placeholder.make(T.self)
        }
        let reported = state.diagnostics.count
        let value = try NodeDecoder.decodeChild(T.self, node: child, state: state, path: path)
        // A value already reported (not a number) is a placeholder: its bounds say nothing more.
        return state.diagnostics.count == reported ? bounded(value, key: key, node: child, path: path) : value
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try NodeDecoder(node: value(key) ?? .mapping(.init([])), state: state, codingPath: codingPath + [key]).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try NodeDecoder(node: value(key) ?? .sequence(.init([])), state: state, codingPath: codingPath + [key]).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { NodeDecoder(node: node, state: state, codingPath: codingPath) }

    func superDecoder(forKey key: Key) throws -> Decoder {
        NodeDecoder(node: value(key) ?? .mapping(.init([])), state: state, codingPath: codingPath + [key])
    }
}

/// A list: each element is decoded in turn, problems are reported per element.
struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let items: [Node]
    let state: DecodingState
    let codingPath: [CodingKey]
    var currentIndex = 0

    init(items: [Node], state: DecodingState, codingPath: [CodingKey]) {
        self.items = items
        self.state = state
        self.codingPath = codingPath
    }

    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, items[currentIndex].isNull else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard !isAtEnd else { throw ReportedError() }
        let child = items[currentIndex]
        let path = codingPath + [IndexKey(currentIndex)]
        currentIndex += 1
        return try NodeDecoder.decodeChild(T.self, node: child, state: state, path: path)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        guard !isAtEnd else { throw ReportedError() }
        defer { currentIndex += 1 }
        return try NodeDecoder(node: items[currentIndex], state: state, codingPath: codingPath + [IndexKey(currentIndex)]).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard !isAtEnd else { throw ReportedError() }
        defer { currentIndex += 1 }
        return try NodeDecoder(node: items[currentIndex], state: state, codingPath: codingPath + [IndexKey(currentIndex)]).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder {
        guard !isAtEnd else { throw ReportedError() }
        defer { currentIndex += 1 }
        return NodeDecoder(node: items[currentIndex], state: state, codingPath: codingPath + [IndexKey(currentIndex)])
    }
}

struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { return nil }
}

/// A scalar: strings, numbers and booleans, with French messages for the wrong kind.
struct NodeValueContainer: SingleValueDecodingContainer {
    let node: Node
    let state: DecodingState
    let codingPath: [CodingKey]

    func decodeNil() -> Bool { node.isNull }

    private func scalar(_ expected: String) throws -> String {
        guard case .scalar(let scalar) = node else {
            let hint: String
            if case .mapping = node {
                hint = "un texte qui contient « : » (deux-points suivi d'une espace) doit être mis entre guillemets, par exemple \"Objectif : agir\""
            } else {
                hint = "une seule valeur est attendue ici, sans tiret ni crochets"
            }
            state.report("« \(pathName(codingPath)) » doit être \(expected), trouvé \(node.kindName)", at: node, hint: hint)
            throw ReportedError()
        }
        return scalar.string
    }

    private func mismatch(_ expected: String, _ text: String) -> ReportedError {
        state.report("« \(pathName(codingPath)) » doit être \(expected), trouvé « \(text) »", at: node, hint: "corrigez la valeur")
        return ReportedError()
    }

    func decode(_ type: String.Type) throws -> String { try scalar("un texte") }

    func decode(_ type: Bool.Type) throws -> Bool {
        let text = try scalar("oui ou non (true/false)")
        switch text.lowercased() {
        case "true", "yes", "oui", "vrai": return true
        case "false", "no", "non", "faux": return false
        default: throw mismatch("oui ou non (true/false)", text)
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        let text = try scalar("un nombre")
        guard let value = Double(Self.withoutUnderscores(text)) else {
            throw mismatch("un nombre (point décimal, sans espace ni unité)", text)
        }
        return value
    }

    /// `1_500_000` read as `1500000`.
    private static func withoutUnderscores(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: "_")) ? text.replacingOccurrences(of: "_", with: "") : text
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode<T: BinaryInteger & LosslessStringConvertible>(integer type: T.Type) throws -> T {
        let text = try scalar("un nombre entier")
        guard let value = T(Self.withoutUnderscores(text)) else {
            if Self.withoutUnderscores(text).allSatisfy({ $0.isASCII && $0.isNumber || $0 == "-" || $0 == "+" }), text.count > 9 {
                state.report("« \(pathName(codingPath)) » vaut \(text) : nombre trop grand", at: node, hint: "vérifiez le nombre de chiffres")
                throw ReportedError()
            }
            throw mismatch("un nombre entier (sans espace ni unité)", text)
        }
        return value
    }

    func decode(_ type: Int.Type) throws -> Int { try decode(integer: type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decode(integer: type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decode(integer: type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decode(integer: type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decode(integer: type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decode(integer: type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decode(integer: type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decode(integer: type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decode(integer: type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decode(integer: type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try NodeDecoder.decodeChild(T.self, node: node, state: state, path: codingPath)
    }
}
