import Foundation
import Yams

/// The shared data files of `Content/data/`, as values for templates and components.
public struct SharedData: Sendable {
    /// File name without extension → the file's contents (dictionaries, arrays, strings, booleans).
    public var files: [String: Any] { contents.values }
    private var contents = TemplateData([:])
    /// Acronyms from `acronymes.yml`, by acronym.
    public var acronyms: [String: Acronym] = [:]
    /// Each file's source, for the parts that decode one into a typed model later (the strategy
    /// rules read the guide's figures from here).
    var sources: [String: YAMLSource] = [:]

    /// No data.
    public static let empty = SharedData()

    /// Loads every `*.yml` of `folder`; typed files (see `DataSchemas`) are validated against their model.
    static func load(folder: URL, relativeTo root: URL, into sink: DiagnosticSink) -> SharedData {
        var data = SharedData.empty
        var files: [String: Any] = [:]
        for url in FileLister.files(in: folder, extensions: ["yml", "yaml"]) {
            let name = url.deletingPathExtension().lastPathComponent
            let path = FileLister.relativePath(of: url, to: root)
            guard let text = FileLister.read(url, path: path, into: sink) else { continue }
            let source = YAMLSource(text: text, file: path)
            switch source.parse() {
            case .failure(let diagnostic):
                sink.report(diagnostic)
            case .success(let node):
                files[name] = node.contextValue
                data.sources[name] = source
                if name == "acronymes", let list = YAMLDecoding.decode(AcronymList.self, from: node, source: source, into: sink) {
                    data.acronyms = list.index(source: source, into: sink)
                }
            }
        }
        data.contents = TemplateData(files)
        return data
    }
}

extension Node {
    /// The node as plain Swift values for Mustache: `[String: Any]`, `[Any]`, `String`, `Bool`.
    var contextValue: Any {
        switch self {
        case .mapping(let mapping):
            var dictionary: [String: Any] = [:]
            for (key, value) in mapping { dictionary[key.scalar?.string ?? ""] = value.contextValue }
            return dictionary
        case .sequence(let sequence):
            return sequence.map(\.contextValue)
        case .scalar(let scalar):
            if isNull { return NSNull() }
            if scalar.style == .plain, let bool = bool { return bool }
            return scalar.string
        default:
            return NSNull()
        }
    }
}
