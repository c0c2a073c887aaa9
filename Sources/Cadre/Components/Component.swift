import Foundation

/// A block of a chapter rendered from data: written as a fenced block whose info string is
/// the component's name and whose body (YAML) says where its data comes from.
protocol Component {
    /// The name authors write after the opening fence.
    static var name: String { get }
    /// The component's HTML, or nil after reporting its problems.
    static func render(_ request: ComponentRequest) -> String?
}

/// The components cadre knows, by name.
enum Components {
    static let all: [String: any Component.Type] = {
        let list: [any Component.Type] = [DataTable.self, PassageByType.self, AcronymIndex.self, StepsDiagram.self, FundingMap.self,
                                          LogicalFramework.self, IndicatorGrid.self, ChosenOrganisation.self, SelfAssessment.self, GuidePassages.self,
                                          SWOTComponent.self, StakeholderComponent.self, FundingPlan.self, TimelineComponent.self]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }()

    /// Info strings that keep a fenced block as a plain code block.
    static let plainCode: Set<String> = ["", "text", "texte"]
}

/// What a component gets to render one block.
struct ComponentRequest {
    var name: String
    /// The block's YAML body.
    var body: String
    /// Position of the opening fence in the chapter file.
    var location: SourceLocation
    var context: [String: Any]
    var acronyms: AcronymMarker
    /// The collectivité's strategy, in strategy documents only.
    var strategy: StrategyDocument?
    var sink: DiagnosticSink
    /// Renders a nested Markdown text (acronyms and typography applied).
    var renderMarkdown: (String) -> String

    /// The body decoded as `T`; unknown keys, wrong types and missing fields are reported.
    func parameters<T: Decodable>(_ type: T.Type) -> T? {
        let source = YAMLSource(text: body, file: location.file, lineOffset: location.line)
        return YAMLDecoding.decode(type, from: source, into: sink)
    }

    /// The file position of the body line that starts with `key:`.
    func location(ofKey key: String) -> SourceLocation {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let index = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key + ":") } ?? -1
        return SourceLocation(file: location.file, line: location.line + index + 1, column: 1)
    }

    /// The data a component's `source:` names, with that path; nil after reporting why it is missing.
    func sourceData() -> (path: String, value: Any)? {
        guard let parameters = parameters(SourceParameters.self), let value = value(at: parameters.source) else { return nil }
        return (parameters.source, value)
    }

    /// The context value at a dotted path such as `donnees.rattachements.modeles`.
    func value(at path: String) -> Any? {
        var value: Any = context
        var walked: [String] = []
        for part in path.split(separator: ".").map(String.init) {
            guard let object = value as? [String: Any], let child = object[part] else {
                let keys = (value as? [String: Any]).map { Array($0.keys) } ?? []
                let place = walked.isEmpty ? "les données" : "« \(walked.joined(separator: ".")) »"
                sink.report(location(ofKey: "source").error("source « \(path) » introuvable : \(place) n'a pas de champ « \(part) »", hint: Suggestion.hint(for: part, in: keys, noun: "champs")))
                return nil
            }
            walked.append(part)
            value = child
        }
        return value
    }

    func error(_ message: String, key: String = "source", hint: String? = nil) {
        sink.report(location(ofKey: key).error(message, hint: hint))
    }
}

/// The body of a component that takes no parameters: any key is reported as unknown.
struct NoParameters: Decodable {
    enum CodingKeys: CodingKey, CaseIterable {}

    init(from decoder: Decoder) throws { _ = try decoder.container(keyedBy: CodingKeys.self) }
}
