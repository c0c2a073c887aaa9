/// The identifier, classes and other attributes of a node, as Pandoc's `Attr`: what a writer
/// needs to style or anchor it. Values are plain text; each writer escapes them for its format.
public struct Attributes: Sendable, Hashable {
    public var id: String?
    public var classes: [String]
    /// Other attributes, in the order they are written (`data-types`, …).
    public var pairs: [Pair]

    /// One `name="value"` attribute.
    public struct Pair: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(id: String? = nil, classes: [String] = [], pairs: [Pair] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
    }

    /// No identifier, class nor attribute.
    public static let none = Attributes()

    /// Only classes.
    public static func classes(_ names: String...) -> Attributes { Attributes(classes: names) }

    public var isEmpty: Bool { id == nil && classes.isEmpty && pairs.isEmpty }
}
