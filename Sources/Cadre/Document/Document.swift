/// A text as cadre's own format-neutral tree: what a chapter, a component or a guide passage
/// becomes once parsed. Plain `Sendable` values, no C pointers: passes transform it, writers
/// (HTML today; ODT, DOCX, ICML tomorrow) read it. In the spirit of Pandoc's `Block`/`Inline`.
public struct Document: Sendable {
    /// The body, in reading order.
    public var blocks: [Block]
    /// The footnotes the body refers to, in the order of their first reference.
    public var footnotes: [Footnote]

    /// A document of `blocks` and their `footnotes`.
    public init(blocks: [Block] = [], footnotes: [Footnote] = []) {
        self.blocks = blocks
        self.footnotes = footnotes
    }
}

/// A footnote: its label as written (`[^cgct]`), its number, its content.
public struct Footnote: Sendable {
    /// The label as written, used in anchors (`fn-cgct`).
    public var label: String
    /// Its number in the text.
    public var number: Int
    /// What the note says.
    public var blocks: [Block]
    /// How many times the text refers to it (each reference has its own back link).
    public var references: Int

    /// A footnote referred to `references` times.
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
    /// Column, counted in characters from 1.
    public var column: Int

    /// A position in the parsed text.
    public init(line: Int, column: Int = 1) {
        self.line = line
        self.column = column
    }
}
