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
    /// 2 for `##`, 3 for `###`… (the chapter's title is level 1, from its front matter).
    public var level: Int
    /// What the heading says.
    public var content: [Inline]
    /// Its anchor, given by the slug pass.
    public var id: String?
    /// `3.2` in a numbered chapter.
    public var number: String?
    /// Where it is written, for diagnostics.
    public var position: SourcePosition?

    /// A heading; anchors and numbers usually come from the passes.
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
    /// The code, as written.
    public var text: String

    /// A code block, in `language` when given.
    public init(language: String? = nil, text: String) {
        self.language = language
        self.text = text
    }
}

/// A bulleted or numbered list.
public struct List: Sendable {
    /// The first number of a numbered list; nil for bullets.
    public var start: Int?
    /// The items, in order.
    public var items: [ListItem]

    /// A numbered list from `start`, or a bulleted one (nil).
    public init(start: Int? = nil, items: [ListItem]) {
        self.start = start
        self.items = items
    }
}

/// One item of a list; `task` is its check box, when it has one (`- [x]`).
public struct ListItem: Sendable {
    /// What the item says.
    public var blocks: [Block]
    /// Checked or not, for a task; nil for an ordinary item.
    public var task: Bool?

    /// An item, a task when `task` is given.
    public init(blocks: [Block], task: Bool? = nil) {
        self.blocks = blocks
        self.task = task
    }
}

/// A framed figure: its classes and its content (a table, a graphic).
public struct Figure: Sendable {
    /// The frame's classes.
    public var attributes: Attributes
    /// What it frames.
    public var content: [Block]

    /// A figure framing `content`.
    public init(attributes: Attributes, content: [Block]) {
        self.attributes = attributes
        self.content = content
    }
}

/// A passage set apart (its label is its first block).
public struct Callout: Sendable {
    /// The box's classes and attributes.
    public var attributes: Attributes
    /// Its label, then its text.
    public var blocks: [Block]

    /// A passage set apart.
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

    /// A call of component `name` with its YAML `body`.
    public init(name: String, body: String, position: SourcePosition) {
        self.name = name
        self.body = body
        self.position = position
    }
}

/// Terms with their definitions.
public struct DefinitionList: Sendable {
    /// The list's classes.
    public var attributes: Attributes
    /// Each term with its definition.
    public var items: [(term: [Inline], definition: [Inline])]

    /// A list of terms and definitions.
    public init(attributes: Attributes, items: [(term: [Inline], definition: [Inline])]) {
        self.attributes = attributes
        self.items = items
    }
}
