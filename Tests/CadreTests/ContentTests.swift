import Foundation
import Testing
@testable import Cadre

/// The real publications of Content/: they build cleanly, quote their figures from the data,
/// and are written in cadre's own words.
@Suite(.serialized)
struct ContentTests {
    /// The source guide: at `$CADRE_SOURCE_GUIDE`, else in `shared/seeds/` beside the repository
    /// (where CI puts it), else beside the repository this clone was made from (a local clone
    /// such as `git clone . /tmp/essai`).
    static let sourceGuide: URL = {
        if let path = ProcessInfo.processInfo.environment["CADRE_SOURCE_GUIDE"] { return URL(fileURLWithPath: path) }
        let seed = "shared/seeds/001_c8785f97f22603ac.txt"
        var candidates = [Repository.root.deletingLastPathComponent().appendingPathComponent(seed)]
        if let origin = try? runProgram(URL(fileURLWithPath: "/usr/bin/git"), ["-C", Repository.root.path, "config", "--get", "remote.origin.url"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines), origin.hasPrefix("/") {
            candidates.append(URL(fileURLWithPath: origin).standardizedFileURL.deletingLastPathComponent().appendingPathComponent(seed))
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.path) } ?? candidates[0]
    }()

    /// Lower-case words, apostrophes and punctuation as separators.
    static func words(_ text: String) -> [Substring] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }
    }

    static func shingles(_ text: String, size: Int = 12) -> Set<String> {
        let words = words(text)
        guard words.count >= size else { return [] }
        return Set((0...(words.count - size)).map { words[$0..<$0 + size].joined(separator: " ") })
    }

    @Test func noRunOfTwelveWordsIsSharedWithTheSourceGuide() async throws {
        guard let source = try? String(contentsOf: Self.sourceGuide, encoding: .utf8) else {
            Issue.record("guide source introuvable : \(Self.sourceGuide.path) (shared/seeds/ à côté du dépôt, ou CADRE_SOURCE_GUIDE)")
            return
        }
        let original = Self.shingles(source)
        #expect(!original.isEmpty)
        // The chapters and data, and the strategy documents' chapters (their generated sentences too).
        var files: [String] = []
        for folder in ["Content", "Templates/strategie"] {
            files += FileManager.default.enumerator(atPath: Repository.root.appendingPathComponent(folder).path)!.compactMap { $0 as? String }
                .filter { $0.hasSuffix(".md") || $0.hasSuffix(".yml") }.map { "\(folder)/\($0)" }
        }
        #expect(files.count > 30)
        for file in files.sorted() {
            let shared = Self.shingles(try String(contentsOf: Repository.root.appendingPathComponent(file), encoding: .utf8)).intersection(original)
            #expect(shared.isEmpty, "\(file) reprend mot pour mot : \(shared.sorted().first ?? "")")
        }
    }

    @Test func theGuideAndThePlaquetteBuildWithoutAnyDiagnostic() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-content-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let sink = DiagnosticSink()
        let outcome = await Builder.run(BuildRequest(root: Repository.root, output: output, publications: ["guide", "plaquette"]), into: sink)
        #expect(sink.diagnostics.map(\.description) == [])
        guard case .built = outcome else { Issue.record("build failed"); return }

        let guide = try ["ressources-et-financements", "organisation-des-services", "acronymes"].map {
            try String(contentsOf: output.appendingPathComponent("guide/\($0).html"), encoding: .utf8)
        }.joined()
        for figure in ["200\u{202F}k€", "1,5\u{202F}M€", "30\u{202F}%", "3 ans au plus", "2005", "2006", "2014", "2021"] {
            #expect(guide.contains(figure) || guide.contains(figure.replacingOccurrences(of: "\u{A0}", with: " ")), "chiffre absent du guide : \(figure)")
        }
        let plaquette = try String(contentsOf: output.appendingPathComponent("plaquette/impression.html"), encoding: .utf8)
        #expect(plaquette.contains("<svg") && plaquette.contains("aria-labelledby=\"schema-etapes-titre schema-etapes-desc\""))
        #expect(plaquette.contains("aria-labelledby=\"carte-acteurs-titre carte-acteurs-desc\""))
    }

    /// The page budgets are warnings in a build (the PDF is kept so editors can see where to
    /// cut); here they hold the real publications: guide at most 30 pages, plaquette exactly 4.
    @Test func theGuideAndThePlaquettePDFsKeepTheirPageBudgets() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-content-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let sink = DiagnosticSink()
        let outcome = await Builder.run(BuildRequest(root: Repository.root, output: output, publications: ["guide", "plaquette"], format: .pdf, jobs: 2), into: sink)
        #expect(sink.diagnostics.map(\.description) == [])
        guard case .built = outcome else { Issue.record("build failed"); return }
        func pages(_ path: String) throws -> Int {
            let info = try poppler("pdfinfo", output.appendingPathComponent(path).path)
            return Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        }
        #expect(try (1...30).contains(pages("guide/guide.pdf")))
        #expect(try pages("plaquette/plaquette.pdf") == 4)
        #expect(try pages("plaquette/plaquette-ecran.pdf") == 4)
    }
}
