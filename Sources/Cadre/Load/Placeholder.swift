/// Stand-in values that let decoding continue after a reported problem, so that one run
/// finds every problem of a file. They never reach a document: a file with errors is dropped.
enum Placeholder {
    static func make<T: Decodable>(_ type: T.Type) throws -> T {
        if let provider = T.self as? any YAMLPlaceholder.Type, let value = provider.placeholder as? T { return value }
        if let value = try? T(from: PlaceholderDecoder()) { return value }
        if let cases = T.self as? any CaseIterable.Type, let first = firstCase(of: cases) as? T {
            return first
        }
        throw ReportedError()
    }

    /// The first case of an enumeration (the existential is opened by the generic call).
    private static func firstCase<C: CaseIterable>(of type: C.Type) -> Any? {
        C.allCases.first
    }
}

private struct PlaceholderDecoder: Decoder {
    var codingPath: [CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { KeyedDecodingContainer(Keyed<Key>()) }
    func unkeyedContainer() throws -> UnkeyedDecodingContainer { Unkeyed() }
    func singleValueContainer() throws -> SingleValueDecodingContainer { Single() }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        var codingPath: [CodingKey] { [] }
        var allKeys: [Key] { [] }
        func contains(_ key: Key) -> Bool { false }
        func decodeNil(forKey key: Key) throws -> Bool { true }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try Placeholder.make(type) }
        func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> { KeyedDecodingContainer(Keyed<N>()) }
        func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer { Unkeyed() }
        func superDecoder() throws -> Decoder { PlaceholderDecoder() }
        func superDecoder(forKey key: Key) throws -> Decoder { PlaceholderDecoder() }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        var codingPath: [CodingKey] { [] }
        var count: Int? { 0 }
        var isAtEnd: Bool { true }
        var currentIndex: Int { 0 }
        mutating func decodeNil() throws -> Bool { true }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { throw ReportedError() }
        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) throws -> KeyedDecodingContainer<N> { throw ReportedError() }
        mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { throw ReportedError() }
        mutating func superDecoder() throws -> Decoder { throw ReportedError() }
    }

    struct Single: SingleValueDecodingContainer {
        var codingPath: [CodingKey] { [] }
        func decodeNil() -> Bool { false }
        func decode(_ type: Bool.Type) throws -> Bool { false }
        func decode(_ type: String.Type) throws -> String { "" }
        func decode(_ type: Double.Type) throws -> Double { 0 }
        func decode(_ type: Float.Type) throws -> Float { 0 }
        func decode(_ type: Int.Type) throws -> Int { 0 }
        func decode(_ type: Int8.Type) throws -> Int8 { 0 }
        func decode(_ type: Int16.Type) throws -> Int16 { 0 }
        func decode(_ type: Int32.Type) throws -> Int32 { 0 }
        func decode(_ type: Int64.Type) throws -> Int64 { 0 }
        func decode(_ type: UInt.Type) throws -> UInt { 0 }
        func decode(_ type: UInt8.Type) throws -> UInt8 { 0 }
        func decode(_ type: UInt16.Type) throws -> UInt16 { 0 }
        func decode(_ type: UInt32.Type) throws -> UInt32 { 0 }
        func decode(_ type: UInt64.Type) throws -> UInt64 { 0 }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try Placeholder.make(type) }
    }
}

/// A type that cannot be built from empty values (a date) says what stands in for it.
protocol YAMLPlaceholder {
    static var placeholder: Self { get }
}
