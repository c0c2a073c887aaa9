/// A table: caption, header rows, body rows, footer rows; cells hold blocks.
public struct Table: Sendable {
    /// The table's classes.
    public var attributes: Attributes
    /// Its caption (a legend above it), if any.
    public var caption: [Inline]?
    /// Column alignments written in Markdown (`|:--|`); empty for tables made by components.
    public var alignments: [Alignment]
    /// Header rows, repeated on every page a printed table spans.
    public var head: [TableRow]
    /// The rows.
    public var body: [TableRow]
    /// Footer rows (a total).
    public var foot: [TableRow]

    /// How a column's cells are aligned.
    public enum Alignment: Sendable {
        case none, left, center, right
    }

    /// A table; every part may be given later.
    public init(attributes: Attributes = .none, caption: [Inline]? = nil, alignments: [Alignment] = [], head: [TableRow] = [], body: [TableRow] = [], foot: [TableRow] = []) {
        self.attributes = attributes
        self.caption = caption
        self.alignments = alignments
        self.head = head
        self.body = body
        self.foot = foot
    }
}

/// A row of a table.
public struct TableRow: Sendable {
    /// The row's classes.
    public var attributes: Attributes
    /// Its cells, in column order.
    public var cells: [TableCell]

    /// A row of `cells`.
    public init(attributes: Attributes = .none, cells: [TableCell]) {
        self.attributes = attributes
        self.cells = cells
    }
}

/// A cell: a data cell, or a header for its column or its row.
public struct TableCell: Sendable {
    /// What the cell is to its table.
    public enum Kind: Sendable {
        case data
        case columnHeader
        case rowHeader
    }

    /// A data cell or a header.
    public var kind: Kind
    /// The cell's classes.
    public var attributes: Attributes
    /// What the cell holds.
    public var blocks: [Block]

    /// A cell holding blocks.
    public init(_ kind: Kind = .data, attributes: Attributes = .none, blocks: [Block]) {
        self.kind = kind
        self.attributes = attributes
        self.blocks = blocks
    }

    /// A cell holding inline content.
    public init(_ kind: Kind, attributes: Attributes = .none, _ inlines: [Inline]) {
        self.init(kind, attributes: attributes, blocks: [.plain(inlines)])
    }

    /// A data cell holding inline content.
    public init(_ inlines: [Inline]) {
        self.init(.data, blocks: [.plain(inlines)])
    }
}
