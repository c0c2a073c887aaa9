/// A text as cadre's own format-neutral tree: what a chapter, a component or a guide passage
/// becomes once parsed. Plain `Sendable` values, no C pointers: passes transform it, writers
/// (HTML today; ODT, DOCX, ICML tomorrow) read it. In the spirit of Pandoc's `Block`/`Inline`.
public struct Document: Sendable {
    /// The body, in reading order.
    public var blocks: [Block]
    /// The footnotes the body refers to, in the order of their first reference.
    public var footnotes: [Footnote]

    public init(blocks: [Block] = [], footnotes: [Footnote] = []) {
        self.blocks = blocks
        self.footnotes = footnotes
    }
}

/// A footnote: its label as written (`[^cgct]`), its number, its content.
public struct Footnote: Sendable {
    public var label: String
    public var number: Int
    public var blocks: [Block]
    /// How many times the text refers to it (each reference has its own back link).
    public var references: Int

    public init(label: String, number: Int, blocks: [Block], references: Int = 1) {
        self.label = label
        self.number = number
        self.blocks = blocks
        self.references = references
    }
}

/// Where a node came from in its source file, for diagnostics of later passes.
public struct SourcePosition: Sendable, Hashable {
    /// Line and column in the parsed text (1-based).
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int = 1) {
        self.line = line
        self.column = column
    }
}
