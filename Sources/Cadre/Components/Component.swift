import Foundation

/// A block of a chapter drawn from data: written as a fenced block whose info string is the
/// component's name and whose body (YAML) gives its parameters. It returns document nodes,
/// never HTML: the passes (cross-references, acronyms, typography) then reach its text, and
/// every writer can write it. Register one in a `ComponentSet`.
public protocol Component: Sendable {
    /// The name authors write after the opening fence.
    var name: String { get }
    /// Whether it needs the whole publication read first (the list of the acronyms used): such
    /// components run after the acronym pass, and their request carries `usedAcronyms`.
    var needsWholePublication: Bool { get }
    /// The blocks that replace the call, or nil after reporting its problems to `request.sink`.
    func blocks(for request: ComponentRequest) -> [Block]?
}

extension Component {
    /// Most components need only their own block.
    public var needsWholePublication: Bool { false }
}

/// The components a publication knows, by name.
public struct ComponentSet: Sendable {
    private var byName: [String: any Component] = [:]
    /// Names known to belong to another kind of publication, with what to tell an author who uses them.
    private var elsewhere: [String: String] = [:]

    /// A set of `components`, by name.
    public init(_ components: [any Component] = []) {
        for component in components { byName[component.name] = component }
    }

    /// The components of the guide and the plaquette.
    public static let standard = ComponentSet([DataTable(), PassageByType(), AcronymIndex(), StepsDiagram(), FundingMap(), SupportFeedback(), PowerInterestMatrix()])

    /// This set with `component` added (or put in place of the one of the same name).
    public func adding(_ component: any Component) -> ComponentSet {
        var set = self
        set.byName[component.name] = component
        set.elsewhere[component.name] = nil
        return set
    }

    /// This set with `components` added.
    public func adding(_ components: [any Component]) -> ComponentSet {
        components.reduce(self) { $0.adding($1) }
    }

    /// This set, told that `names` serve elsewhere: using one is an error that says `hint`.
    func knowing(_ names: [String], servingElsewhere hint: String) -> ComponentSet {
        var set = self
        for name in names where set.byName[name] == nil { set.elsewhere[name] = hint }
        return set
    }

    /// The component named `name`.
    public subscript(name: String) -> (any Component)? { byName[name] }

    /// Every name, sorted.
    public var names: [String] { byName.keys.sorted() }

    /// What to say of a name this set does not have.
    func unknown(_ name: String) -> (message: String, hint: String) {
        if let hint = elsewhere[name] { return ("le composant « \(name) » ne sert pas dans cette publication", hint) }
        return ("composant inconnu « \(name) »", Suggestion.hint(for: name, in: names, noun: "composants"))
    }
}

/// What a component gets to draw one block.
public struct ComponentRequest {
    /// The component's name, as written.
    public var name: String
    /// The block's YAML body.
    public var body: String
    /// Position of the opening fence in the chapter file.
    public var location: SourceLocation
    /// The data Mustache tags see: `donnees`, `publication`, and `collectivite` in strategy documents.
    public var context: [String: Any]
    /// Where problems go.
    public var sink: DiagnosticSink
    /// The acronyms the publication uses, for components that need the whole publication.
    public var usedAcronyms: [Acronym] = []
    /// Reads a Markdown text written in the component's parameters into blocks; the passes
    /// then treat them as the chapter's own text.
    public var parse: (String) -> [Block] = { DocumentReader.read($0).blocks }

    /// A request to draw the block `name` written at `location`.
    public init(name: String, body: String, location: SourceLocation, context: [String: Any], sink: DiagnosticSink) {
        self.name = name
        self.body = body
        self.location = location
        self.context = context
        self.sink = sink
    }

    /// The body decoded as `T`; unknown keys, wrong types and missing fields are reported.
    public func parameters<T: Decodable>(_ type: T.Type) -> T? {
        let source = YAMLSource(text: body, file: location.file, lineOffset: location.line)
        return YAMLDecoding.decode(type, from: source, into: sink)
    }

    /// The data a component's `source:` names, with that path (and where it is written); nil
    /// after reporting why it is missing.
    func sourceData() -> (path: Located<String>, value: Any)? {
        guard let parameters = parameters(SourceParameters.self), let value = value(at: parameters.source) else { return nil }
        return (parameters.source, value)
    }

    /// The context value at a dotted path such as `donnees.rattachements.modeles`, as written
    /// in a parameter (a problem is reported where the path is written).
    public func value(at path: Located<String>) -> Any? {
        var value: Any = context
        var walked: [String] = []
        for part in path.value.split(separator: ".").map(String.init) {
            guard let object = value as? [String: Any], let child = object[part] else {
                let keys = (value as? [String: Any]).map { Array($0.keys) } ?? []
                let place = walked.isEmpty ? "les données" : "« \(walked.joined(separator: ".")) »"
                sink.report(path.location.error("source « \(path.value) » introuvable : \(place) n'a pas de champ « \(part) »", hint: Suggestion.hint(for: part, in: keys, noun: "champs")))
                return nil
            }
            walked.append(part)
            value = child
        }
        return value
    }

    /// Reports a problem at `location` (a decoded parameter's, or the component's own).
    public func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        sink.report((location ?? self.location).error(message, hint: hint))
    }
}

/// The body of a component that takes no parameters: any key is reported as unknown.
struct NoParameters: Decodable {
    enum CodingKeys: CodingKey, CaseIterable {}

    init(from decoder: Decoder) throws { _ = try decoder.container(keyedBy: CodingKeys.self) }
}

/// The parameters of a component that only names its data.
struct SourceParameters: Decodable {
    var source: Located<String>
    enum CodingKeys: String, CodingKey, CaseIterable { case source }
}
