/// A value decoded from YAML together with the place it was written, so that checks made
/// after decoding (the strategy rules) can still point at a file, a line and a column.
@dynamicMemberLookup
public struct Located<Value: Decodable>: Decodable {
    /// The decoded value.
    public var value: Value
    /// Where it is written.
    public var location: SourceLocation

    public init(from decoder: Decoder) throws {
        if let decoder = decoder as? NodeDecoder {
            location = decoder.state.source.location(decoder.node.mark)
        } else {
            location = SourceLocation(file: "", line: 1)
        }
        value = try Value(from: decoder)
    }

    /// The value's own properties, read through.
    public subscript<T>(dynamicMember path: KeyPath<Value, T>) -> T { value[keyPath: path] }
}

/// Decoding errors that name what a value should look like, for the hint of the diagnostic.
protocol YAMLHinted {
    static var yamlHint: String { get }
}
extension Located: Sendable where Value: Sendable {}
