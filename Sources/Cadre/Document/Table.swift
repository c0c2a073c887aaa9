/// A table: caption, header rows, body rows, footer rows; cells hold blocks.
public struct Table: Sendable {
    public var attributes: Attributes
    public var caption: [Inline]?
    /// Column alignments written in Markdown (`|:--|`); empty for tables made by components.
    public var alignments: [Alignment]
    public var head: [TableRow]
    public var body: [TableRow]
    public var foot: [TableRow]

    public enum Alignment: Sendable {
        case none, left, center, right
    }

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
    public var attributes: Attributes
    public var cells: [TableCell]

    public init(attributes: Attributes = .none, cells: [TableCell]) {
        self.attributes = attributes
        self.cells = cells
    }
}

/// A cell: a data cell, or a header for its column or its row.
public struct TableCell: Sendable {
    public enum Kind: Sendable {
        case data
        case columnHeader
        case rowHeader
    }

    public var kind: Kind
    public var attributes: Attributes
    public var blocks: [Block]

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
