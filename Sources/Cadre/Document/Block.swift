/// A block of a document.
public enum Block: Sendable {
    case paragraph([Inline])
    /// A paragraph with classes: a label, a note in a grid.
    case styledParagraph(Attributes, [Inline])
    /// Text without a paragraph of its own: the items of a tight list, a table cell.
    case plain([Inline])
    case heading(Heading)
    case codeBlock(CodeBlock)
    case quote([Block])
    case list(List)
    case table(Table)
    /// A figure: a table or a graphic with its classes (the writer's frame).
    case figure(Figure)
    /// A chart or a schema drawn from data.
    case graphic(any Graphic)
    /// A passage set apart: a `selon-type` box, a guide passage in a strategy document.
    case callout(Callout)
    /// Terms and their definitions (the list of acronyms).
    case definitions(DefinitionList)
    case thematicBreak
    /// A component call not yet replaced (a fenced block naming a component); the component pass replaces every one.
    case component(ComponentCall)
    /// Raw HTML written by an author: dropped, a writer shows it as omitted.
    case omittedHTML
}

/// A heading; the slug and numbering passes give it its anchor and number.
public struct Heading: Sendable {
    public var level: Int
    public var content: [Inline]
    public var id: String?
    /// `3.2` in a numbered chapter.
    public var number: String?
    public var position: SourcePosition?

    public init(level: Int, content: [Inline], id: String? = nil, number: String? = nil, position: SourcePosition? = nil) {
        self.level = level
        self.content = content
        self.id = id
        self.number = number
        self.position = position
    }
}

/// Code shown as written.
public struct CodeBlock: Sendable {
    /// The first word of the info string, when there is one.
    public var language: String?
    public var text: String

    public init(language: String? = nil, text: String) {
        self.language = language
        self.text = text
    }
}

/// A bulleted or numbered list.
public struct List: Sendable {
    /// The first number of a numbered list; nil for bullets.
    public var start: Int?
    public var items: [ListItem]

    public init(start: Int? = nil, items: [ListItem]) {
        self.start = start
        self.items = items
    }
}

/// One item of a list; `task` is its check box, when it has one (`- [x]`).
public struct ListItem: Sendable {
    public var blocks: [Block]
    public var task: Bool?

    public init(blocks: [Block], task: Bool? = nil) {
        self.blocks = blocks
        self.task = task
    }
}

/// A framed figure: its classes and its content (a table, a graphic).
public struct Figure: Sendable {
    public var attributes: Attributes
    public var content: [Block]

    public init(attributes: Attributes, content: [Block]) {
        self.attributes = attributes
        self.content = content
    }
}

/// A passage set apart (its label is its first block).
public struct Callout: Sendable {
    public var attributes: Attributes
    public var blocks: [Block]

    public init(attributes: Attributes, blocks: [Block]) {
        self.attributes = attributes
        self.blocks = blocks
    }
}

/// A fenced block that names a component: ```` ```tableau ```` and its YAML body.
public struct ComponentCall: Sendable {
    /// The component's name (the info string's first word).
    public var name: String
    /// The block's body (YAML parameters).
    public var body: String
    /// Where the opening fence is in the parsed text.
    public var position: SourcePosition

    public init(name: String, body: String, position: SourcePosition) {
        self.name = name
        self.body = body
        self.position = position
    }
}

/// Terms with their definitions.
public struct DefinitionList: Sendable {
    public var attributes: Attributes
    public var items: [(term: [Inline], definition: [Inline])]

    public init(attributes: Attributes, items: [(term: [Inline], definition: [Inline])]) {
        self.attributes = attributes
        self.items = items
    }
}
