/// The identifier, classes and other attributes of a node, as Pandoc's `Attr`: what a writer
/// needs to style or anchor it. Values are plain text; each writer escapes them for its format.
public struct Attributes: Sendable, Hashable {
    /// The anchor of the node, unique in its page.
    public var id: String?
    /// Style classes, in order.
    public var classes: [String]
    /// Other attributes, in the order they are written (`data-types`, …).
    public var pairs: [Pair]

    /// One `name="value"` attribute.
    public struct Pair: Sendable, Hashable {
        /// The attribute's name (`data-types`).
        public var name: String
        /// Its value, plain text.
        public var value: String

        /// `name="value"`.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Attributes with any of an identifier, classes and other pairs.
    public init(id: String? = nil, classes: [String] = [], pairs: [Pair] = []) {
        self.id = id
        self.classes = classes
        self.pairs = pairs
    }

    /// No identifier, class nor attribute.
    public static let none = Attributes()

    /// Only classes.
    public static func classes(_ names: String...) -> Attributes { Attributes(classes: names) }

    /// Whether there is nothing to write.
    public var isEmpty: Bool { id == nil && classes.isEmpty && pairs.isEmpty }
}
