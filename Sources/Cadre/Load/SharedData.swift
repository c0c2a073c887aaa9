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
        let files = FileLister.files(in: folder, extensions: ["yml", "yaml"]).compactMap { url -> (name: String, source: YAMLSource)? in
            let path = FileLister.relativePath(of: url, to: root)
            return FileLister.read(url, path: path, into: sink).map { (url.deletingPathExtension().lastPathComponent, YAMLSource(text: $0, file: path)) }
        }
        return LoadCache.value(for: FileLister.relativePath(of: folder, to: root), texts: files.flatMap { [$0.source.file, $0.source.text] }, into: sink) { sink in
            var data = SharedData.empty
            var values: [String: Any] = [:]
            for (name, source) in files {
                switch source.parse() {
                case .failure(let diagnostic):
                    sink.report(diagnostic)
                case .success(let node):
                    values[name] = node.contextValue
                    data.sources[name] = source
                    if name == "acronymes", let list = YAMLDecoding.decode(AcronymList.self, from: node, source: source, into: sink) {
                        data.acronyms = list.index(source: source, into: sink)
                    }
                }
            }
            data.contents = TemplateData(values)
            return data
        }
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
