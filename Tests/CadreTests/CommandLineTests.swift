import Foundation
import Testing
@testable import Cadre

/// The `cadre` executable as users and CI run it: diagnostics on stderr, exit codes 0/1/2.
@Suite(.serialized)
struct CommandLineTests {
    /// The `cadre` binary built beside the test bundle (`swift build` builds it before `swift test`).
    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !folder.path.hasSuffix("debug") && !folder.path.hasSuffix("release") && folder.path != "/" { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("cadre")
    }()

    func run(_ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, stderr: String) {
        let result = try runProgram(Self.executable, arguments, environment: environment)
        return (result.status, result.stderr)
    }

    @Test func checkPrintsEveryErrorAsFileLineColumnAndExitsOne() throws {
        let project = try ScratchProject(fixture: "casse")
        defer { project.remove() }
        let result = try run(["check", "--root", project.root.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").filter { $0.contains(": erreur: ") }
        #expect(lines.count == 10)
        #expect(lines.allSatisfy { $0.range(of: #"^Content/[^:]+:\d+:\d+: erreur: "#, options: .regularExpression) != nil })
    }

    @Test func buildSucceedsWithExitZero() throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let result = try run(["build", "guide", "--root", project.root.path])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("guide/index.html").path))
    }

    @Test func usageErrorsExitTwo() throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        #expect(try run(["build", "gide", "--root", project.root.path]).status == 2)
        #expect(try run(["build", "--formt", "pdf"]).status == 2)
        #expect(try run(["new", "chapter", "Titre", "--publication", "inconnue", "--root", project.root.path]).status == 2)
    }

    @Test func aMissingPrintEngineSaysHowToInstallItWithoutAPythonTrace() throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        // A real Python that cannot see WeasyPrint: site-packages switched off.
        try project.write("python-sans-weasyprint", "#!/bin/sh\nexec python3 -S \"$@\"\n")
        let python = project.root.appendingPathComponent("python-sans-weasyprint").path
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: python)
        let result = try run(["build", "--format", "pdf", "--root", project.root.path], environment: ["CADRE_PYTHON": python])
        #expect(result.status == 1)
        #expect(result.stderr.contains("scripts/setup"))
        #expect(!result.stderr.contains("Traceback"))
        #expect(!FileManager.default.fileExists(atPath: project.output.path + "/guide"))
    }

    @Test func checkAlsoChecksTheCollectivitesFiles() throws {
        let project = try ScratchProject(repositoryContent: ["data", "guide"])
        defer { project.remove() }
        try project.write("Content/collectivites/cassee.yml", StrategyRuleTests.clean.replacingOccurrences(of: "  rattachement: dgs", with: "  rattachement: dggs"))
        let result = try run(["check", "--root", project.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/collectivites/cassee.yml:13:17: erreur: rattachement « dggs » inconnu"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    @Test func aBatchWithABrokenFileExitsOneAndProducesTheOthers() throws {
        let project = try ScratchProject(repositoryContent: ["data", "guide"])
        defer { project.remove() }
        try project.write("Content/collectivites/bonne.yml", StrategyRuleTests.clean)
        try project.write("Content/collectivites/cassee.yml", "collectivite: [\n")
        let result = try run(["strategie", "--all", "--root", project.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cadre : 1 document produit, 1 en échec (Content/collectivites/cassee.yml)"), "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("strategies/bonne/index.html").path))
    }
}
