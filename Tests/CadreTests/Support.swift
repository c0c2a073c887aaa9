import Foundation
@testable import Cadre

/// Paths of the repository and its fixtures, found from this file's location.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Tests/CadreTests/Fixtures")
    static let templates = root.appendingPathComponent("Templates")
}

/// A throw-away project folder: a fixture's Content/ plus the real Templates/.
struct ScratchProject {
    let root: URL

    init(fixture: String) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent(fixture).appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: Repository.templates, to: root.appendingPathComponent("Templates"))
    }

    /// The repository's own `Content/<folder>` for each folder named, plus the real Templates/.
    init(repositoryContent folders: [String]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Content"), withIntermediateDirectories: true)
        for folder in folders {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Content/\(folder)"), to: root.appendingPathComponent("Content/\(folder)"))
        }
        try FileManager.default.copyItem(at: Repository.templates, to: root.appendingPathComponent("Templates"))
    }

    var output: URL { root.appendingPathComponent("Output") }

    func write(_ relativePath: String, _ text: String) throws {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Builds (or checks) the project and returns the outcome with its diagnostics.
    func build(writes: Bool = true, publications: [String] = [], format: OutputFormat = .html, jobs: Int = 1) async -> (BuildOutcome, [Diagnostic]) {
        let sink = DiagnosticSink()
        let outcome = await Builder.run(BuildRequest(root: root, publications: publications, writes: writes, format: format, jobs: jobs), into: sink)
        return (outcome, sink.diagnostics)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }
}

/// Decodes `yaml` as `T` and returns the value with the diagnostics.
func decodeYAML<T: Decodable>(_ type: T.Type, _ yaml: String, file: String = "test.yml") -> (T?, [Diagnostic]) {
    let sink = DiagnosticSink()
    let value = YAMLDecoding.decode(type, from: YAMLSource(text: yaml, file: file), into: sink)
    return (value, sink.diagnostics)
}

/// Renders a Markdown text through the same passes a chapter gets (no cross-references).
func renderMarkdown(_ markdown: String, acronyms: [String: Acronym] = [:]) -> String {
    var document = DocumentReader.read(markdown)
    AcronymMarker(acronyms: acronyms).mark(&document)
    FrenchTypography.mark(&document)
    return HTMLWriter().write(document)
}

/// Blocks set in French typography, as the pass sets a chapter's, then written as HTML.
func typesetHTML(_ blocks: [Block]) -> String {
    var document = Document(blocks: blocks)
    FrenchTypography.mark(&document)
    return HTMLWriter().write(document)
}

// The charts as the pipeline draws them: in their frame, their texts set by the typography
// pass. (The tests were written when each chart set its own typography.)
extension SWOTGrid {
    static func html(forces: [String], faiblesses: [String], opportunites: [String], menaces: [String]) -> String {
        String(typesetHTML([figure(forces: forces, faiblesses: faiblesses, opportunites: opportunites, menaces: menaces)]).dropLast())
    }
}

extension StakeholderMatrix {
    static func svg(id: String, title: String, description: String, points: [Point]) -> String {
        String(typesetHTML([SVG.schema(StakeholderChart(id: id, title: title, description: description, points: points))]).dropLast())
    }
}

extension FundingChart {
    static func svg(id: String, title: String, description: String, bars: [Bar]) -> String {
        String(typesetHTML([SVG.schema(FundingBarsChart(id: id, title: title, description: description, bars: bars))]).dropLast())
    }
}

extension Timeline {
    static func svg(id: String, title: String, description: String, rows: [Row], milestones: [Milestone], from: Int, to: Int) -> String {
        String(typesetHTML([SVG.schema(TimelineChart(id: id, title: title, description: description, rows: rows, milestones: milestones, from: from, to: to))]).dropLast())
    }
}

extension BuildOutcome {
    /// Whether the build wrote its files (how many depends on the assets of Templates/).
    var succeeded: Bool {
        if case .built = self { return true }
        return false
    }
}

/// Runs a program to completion and returns its exit status and outputs.
func runProgram(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
    let output = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-test-out-\(UUID().uuidString)")
    FileManager.default.createFile(atPath: output.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: output) }
    let outputHandle = try FileHandle(forWritingTo: output)
    let errors = Pipe()
    process.standardOutput = outputHandle
    process.standardError = errors
    try process.run()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try outputHandle.close()
    let outputData = FileManager.default.contents(atPath: output.path) ?? Data()
    return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
}

/// A poppler-utils command (`pdfinfo`, `pdffonts`, `pdftotext`) on a PDF; its standard output.
func poppler(_ tool: String, _ arguments: String...) throws -> String {
    try runProgram(URL(fileURLWithPath: "/usr/bin/\(tool)"), arguments).stdout
}
