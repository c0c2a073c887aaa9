import Yams

/// The sensible range of a number in a data file: an amount, a count, a year. A value outside
/// it is an error at the value's own line, before any sum or chart can overflow on it.
struct ValueBounds: Sendable {
    var range: ClosedRange<Double>
    /// What the number counts, in French, for the message (`euros`, `habitants`, `années`).
    var unit: String

    static let euros = ValueBounds(range: 0...1_000_000_000_000, unit: "euros")
    static let year = ValueBounds(range: 1900...2199, unit: "années")
    static let percent = ValueBounds(range: 0...100, unit: "pour cent")

    /// The message and hint for `value`, nil when it is within range.
    func problem(_ value: Double, written: String, name: String) -> (message: String, hint: String)? {
        guard !range.contains(value) else { return nil }
        return ("« \(name) » vaut \(written) : hors des limites (\(unit), de \(Money.number(range.lowerBound)) à \(Money.number(range.upperBound)))",
                "écrivez un nombre de \(Money.number(range.lowerBound)) à \(Money.number(range.upperBound)), chiffres seuls, sans espace ni unité")
    }
}

/// Coding keys of a model whose numbers have bounds; the decoder checks them as it reads.
protocol BoundedCodingKey: CodingKey {
    /// The bounds of this key's value, nil for a key that is not a bounded number.
    var bounds: ValueBounds? { get }
}

extension NodeKeyedContainer {
    /// `value` checked against the bounds its key declares; out of range, an error at `node`
    /// and the nearest bound instead, so that decoding goes on without overflowing.
    func bounded<T>(_ value: T, key: Key, node: Node, path: [CodingKey]) -> T {
        // Only numbers have bounds: other values skip the dynamic cast of the key, a lookup in
        // the runtime's conformance cache for every value of a file.
        guard T.self == Int.self || T.self == Double.self || T.self == Int?.self || T.self == Double?.self else { return value }
        guard let bounds = (key as? any BoundedCodingKey)?.bounds else { return value }
        let number: Double
        switch value {
        case let integer as Int: number = Double(integer)
        case let real as Double: number = real
        default: return value
        }
        guard let problem = bounds.problem(number, written: node.scalar?.string ?? "", name: pathName(path)) else { return value }
        state.report(problem.message, at: node, hint: problem.hint)
        let nearest = number.isNaN || number < bounds.range.lowerBound ? bounds.range.lowerBound : bounds.range.upperBound
        if T.self == Int.self { return Int(nearest) as! T }
        if T.self == Double.self { return nearest as! T }
        return value
    }
}
