import Foundation
import Testing
@testable import Cadre

/// Hostile input and faults, one class per test: where output may go, what a half-failed or
/// killed run leaves, concurrent runs, values out of range, YAML bombs, and messages that
/// stay one French line whatever the input holds. Fixtures of this file: `Fixtures/hostile/`.
@Suite(.serialized)
struct HardeningTests {
    static let hostile = Repository.fixtures.appendingPathComponent("hostile")

    static func build(_ project: ScratchProject, output: URL) async -> (BuildOutcome, [Diagnostic]) {
        let sink = DiagnosticSink()
        let outcome = await Builder.run(BuildRequest(root: project.root, output: output), into: sink)
        return (outcome, sink.diagnostics)
    }

    // MARK: - Data loss and integrity

    @Test(arguments: ["Content", "Content/guide", "Content/data", "Content/data/sortie", "Templates", ".", ".."])
    func anOutputFolderOverTheSourcesIsRefusedBeforeAnythingIsWritten(output: String) async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let before = try FileManager.default.subpathsOfDirectory(atPath: project.root.path).sorted()
        let (outcome, diagnostics) = await Self.build(project, output: project.root.appendingPathComponent(output))
        #expect(outcome == .failed)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("dossier de sortie") == true)
        #expect(try FileManager.default.subpathsOfDirectory(atPath: project.root.path).sorted() == before)
    }

    @Test func aSymbolicLinkToTheSourcesIsRefusedAsAnOutputFolder() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let link = project.root.appendingPathComponent("raccourci")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: project.root.appendingPathComponent("Content"))
        let (outcome, _) = await Self.build(project, output: link)
        #expect(outcome == .failed)
        #expect(FileManager.default.fileExists(atPath: project.root.appendingPathComponent("Content/guide/02-diagnostic.md").path))
    }

    @Test func aStrategyBatchRefusesAnOutputFolderInTheSources() async throws {
        let project = try StrategyDocumentTests.project(["une": StrategyDocumentTests.clean])
        defer { project.remove() }
        let sink = DiagnosticSink()
        let outcome = await StrategyBatch.run(StrategyRequest(root: project.root, output: project.root.appendingPathComponent("Content")), into: sink)
        #expect(outcome.projectFailed)
        #expect(!FileManager.default.fileExists(atPath: project.root.appendingPathComponent("Content/strategies").path))
    }

    @Test func aCommitThatFailsHalfwayPutsBackEveryFolderItReplaced() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = OutputWriter(output: output)
        try await writer.stage([RenderedFile(path: "guide/index.html", data: Data("ancien guide".utf8)), RenderedFile(path: "plaquette/index.html", data: Data("ancienne plaquette".utf8))]).commit()
        let staged = try await writer.stage([RenderedFile(path: "guide/index.html", data: Data("nouveau guide".utf8)), RenderedFile(path: "plaquette/index.html", data: Data("nouvelle plaquette".utf8))])
        // The place where the old plaquette would be moved aside is taken by a file: its swap fails.
        FileManager.default.createFile(atPath: output.appendingPathComponent(".cadre-previous-plaquette").path, contents: Data())
        await #expect(throws: (any Error).self) { try await staged.commit() }
        #expect(try String(contentsOf: output.appendingPathComponent("guide/index.html"), encoding: .utf8) == "ancien guide")
        #expect(try String(contentsOf: output.appendingPathComponent("plaquette/index.html"), encoding: .utf8) == "ancienne plaquette")
    }

    @Test func aRebuildKeepsTheUnchangedPagesAsTheyWereAndRewritesTheOthers() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        #expect(await project.build().0.succeeded)
        let guide = project.output.appendingPathComponent("guide")
        func identity(_ page: String) throws -> (inode: UInt64, date: Date) {
            let attributes = try FileManager.default.attributesOfItem(atPath: guide.appendingPathComponent(page).path)
            return ((attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0, attributes[.modificationDate] as? Date ?? .distantPast)
        }
        let untouched = try identity("avant-propos.html"), edited = try identity("organisation.html")
        let chapter = "Content/guide/03-organisation.md"
        try project.write(chapter, try project.read(chapter) + "\nUn paragraphe ajouté.\n")
        #expect(await project.build().0.succeeded)
        // The same page is the same file, with its date: a copy by date and size to a web server skips it.
        #expect(try identity("avant-propos.html") == untouched)
        #expect(try identity("organisation.html").inode != edited.inode)
        #expect(try String(contentsOf: guide.appendingPathComponent("organisation.html"), encoding: .utf8).contains("Un paragraphe ajouté."))
        // Once the build is in, each page has one name again (the replaced folder is gone).
        let links = try FileManager.default.attributesOfItem(atPath: guide.appendingPathComponent("avant-propos.html").path)[.referenceCount] as? NSNumber
        #expect(links?.intValue == 1)
    }

    @Test func aPageStagedAgainIsNeverWrittenThroughToTheOutput() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let writer = OutputWriter(output: output)
        try await writer.stage([RenderedFile(path: "guide/index.html", data: Data("guide".utf8))]).commit()
        do {
            // Staged as a link to the output's file (same bytes), then staged again with others: the build is abandoned.
            let staged = try await writer.stage([RenderedFile(path: "guide/index.html", data: Data("guide".utf8))])
            try await staged.add([RenderedFile(path: "guide/index.html", data: Data("autre guide".utf8))])
        }
        #expect(try String(contentsOf: output.appendingPathComponent("guide/index.html"), encoding: .utf8) == "guide")
    }

    @Test func aSymbolicLinkInTheOutputIsReplacedNotFollowed() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        #expect(await project.build().0.succeeded)
        // A page replaced by a link to a file elsewhere that holds the same bytes.
        let page = project.output.appendingPathComponent("guide/avant-propos.html")
        let elsewhere = project.root.appendingPathComponent("ailleurs.html")
        try FileManager.default.moveItem(at: page, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: elsewhere)
        #expect(await project.build().0.succeeded)
        #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.type] as? FileAttributeType == .typeRegular)
        #expect(FileManager.default.contentsEqual(atPath: page.path, andPath: elsewhere.path))
    }

    @Test func foldersLeftByAKilledRunAreRemovedByTheNextRun() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        // The id of a process that has ended.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        for leftover in [".cadre-staging-\(ended.processIdentifier)/guide", ".cadre-previous-guide"] {
            try FileManager.default.createDirectory(at: project.output.appendingPathComponent(leftover), withIntermediateDirectories: true)
        }
        let (outcome, _) = await project.build()
        #expect(outcome.succeeded)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: project.output.path).filter { $0.hasPrefix(".") }
        #expect(hidden.isEmpty)
    }

    @Test func aPrintWorkerEndsWhenTheRunThatStartedItIsKilled() throws {
        let engine = try #require(PrintEngine.locate(root: Repository.root))
        // A shell stands for cadre: it starts the worker on this test's pipe, which stays open
        // after the shell is killed, so only the worker's own watch on its parent can end it.
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "exec 3<&0; '\(engine.python.path)' -I '\(engine.worker.path)' <&3 & echo $!; wait"]
        let input = Pipe(), output = Pipe()
        shell.standardInput = input
        shell.standardOutput = output
        try shell.run()
        defer { try? input.fileHandleForWriting.close() }
        let lines = String(decoding: output.fileHandleForReading.availableLines(2), as: UTF8.self).split(separator: "\n")
        let worker = try #require(Int32(lines.first ?? ""))
        #expect(lines.last?.contains("\"ready\": true") == true)
        kill(shell.processIdentifier, SIGKILL)
        shell.waitUntilExit()
        var alive = true
        for _ in 0..<50 where alive {
            usleep(100_000)
            alive = Self.isRunning(worker)
        }
        #expect(!alive)
    }

    /// Whether the process runs (a zombie waiting for its parent to collect it has ended).
    static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        guard let state = stat.split(separator: ")").last?.split(separator: " ").first else { return false }
        return state != "Z" && state != "X"
    }

    @Test func twoRunsIntoTheSameOutputFolderBothSucceed() throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        for _ in 0..<4 {
            let runs = (0..<2).map { _ -> (Process, Pipe) in
                let process = Process()
                process.executableURL = CommandLineTests.executable
                process.arguments = ["build", "--root", project.root.path]
                let errors = Pipe()
                process.standardError = errors
                return (process, errors)
            }
            for (process, _) in runs { try process.run() }
            for (process, errors) in runs {
                let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0, "\(text)")
            }
        }
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("guide/index.html").path))
    }

    @Test func aRunSaysItWaitsForAnotherThenFinishes() throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try FileManager.default.createDirectory(at: project.output, withIntermediateDirectories: true)
        // Another run holds the output folder.
        var other: OutputLock? = try OutputLock(folder: project.output)
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["build", "--root", project.root.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let first = String(decoding: errors.fileHandleForReading.availableLines(1), as: UTF8.self)
        #expect(first.hasPrefix("cadre : une autre exécution de cadre écrit dans "))
        #expect(process.isRunning)
        other = nil
        process.waitUntilExit()
        #expect(other == nil && process.terminationStatus == 0)
    }

    @Test func twoCollectiviteFilesForOneFolderAreBothErrors() async throws {
        let project = try StrategyDocumentTests.project(["autre": StrategyDocumentTests.clean])
        defer { project.remove() }
        try project.write("Content/collectivites/valmont.yml", StrategyDocumentTests.clean)
        try project.write("Content/collectivites/valmont.yaml", StrategyDocumentTests.clean)
        let (outcome, diagnostics) = await StrategyDocumentTests.run(project)
        #expect(outcome.produced == ["autre"])
        #expect(Set(outcome.failed) == ["Content/collectivites/valmont.yml", "Content/collectivites/valmont.yaml"])
        #expect(diagnostics.filter { $0.severity == .error && $0.message.contains("même dossier strategies/valmont/") }.count == 2)
    }

    @Test func aCollectiviteFileNamedLikeCadresOwnFolderIsAnError() async throws {
        let project = try StrategyDocumentTests.project(["assets": StrategyDocumentTests.clean, "autre": StrategyDocumentTests.clean])
        defer { project.remove() }
        let (outcome, diagnostics) = await StrategyDocumentTests.run(project)
        #expect(outcome.produced == ["autre"])
        #expect(outcome.failed == ["Content/collectivites/assets.yml"])
        #expect(diagnostics.contains { $0.file == "Content/collectivites/assets.yml" && $0.message.contains("réservé") })
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("strategies/assets/strategie.css").path))
    }

    // MARK: - Crashes and resource exhaustion

    @Test func amountsNearTheLargestIntegerAreErrorsAtTheirOwnLine() {
        let text = StrategyDocumentTests.clean
            .replacingOccurrences(of: "montant: 50000", with: "montant: \(Int.max)")
            .replacingOccurrences(of: "montant: 40000\n", with: "montant: \(Int.max)\n")
        let diagnostics = StrategyRuleTests.diagnostics(text).filter { $0.severity == .error }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let amountLines = lines.indices.filter { lines[$0].contains("montant: \(Int.max)") }.map { $0 + 1 }
        #expect(diagnostics.map(\.line) == amountLines)
        #expect(diagnostics.allSatisfy { $0.message.contains("hors des limites") && $0.column == 14 })
    }

    @Test(arguments: [("debut: 2026", "debut: 0"), ("fin: 2032", "fin: -5000"), ("date_cible: 2030-12", "date_cible: 0000-12"), ("population: 12000", "population: 9999999999")])
    func aYearOrCountOutOfRangeIsAnError(written: String, replacement: String) {
        let text = StrategyDocumentTests.clean.replacingOccurrences(of: written, with: replacement)
        #expect(text != StrategyDocumentTests.clean)
        let errors = StrategyRuleTests.diagnostics(text).filter { $0.severity == .error }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(errors.count == 1)
        #expect(errors.first.map { lines[$0.line - 1].contains(replacement.trimmingCharacters(in: .whitespaces)) } == true)
    }

    @Test func aNamedPipeAmongTheSourcesIsAnErrorNotAHang() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        #expect(mkfifo(project.root.appendingPathComponent("Content/data/tube.yml").path, 0o644) == 0)
        #expect(mkfifo(project.root.appendingPathComponent("Templates/assets/tube.css").path, 0o644) == 0)
        let (outcome, diagnostics) = await project.build()
        #expect(outcome == .failed)
        #expect(Set(diagnostics.map(\.file)) == ["Content/data/tube.yml", "Templates/assets/tube.css"])
    }

    @Test func aYAMLAliasBombIsRefusedAtItsLineWithoutExpandingIt() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try FileManager.default.copyItem(at: Self.hostile.appendingPathComponent("alias-bomb.yml"), to: project.root.appendingPathComponent("Content/data/bombe.yml"))
        let start = Date()
        let (outcome, diagnostics) = await project.build(writes: false)
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(outcome == .failed)
        #expect(diagnostics.map(\.description) == ["Content/data/bombe.yml:8:14: erreur: les alias (&nom, *nom) de ce fichier déploient plus de 2000000 valeurs — n'utilisez pas d'alias en chaîne, ou recopiez les valeurs à la main"])
    }

    @Test func deeplyNestedYAMLIsAnErrorNotACrash() {
        let (value, diagnostics) = decodeYAML(FrontMatter.self, "titre: x\nautre: " + String(repeating: "[", count: 100_000))
        #expect(value == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.allSatisfy { $0.message.contains("imbriqués") && !$0.message.contains("nesting") })
    }

    @Test func aNumberBeyondWhatCadreCountsIsAnErrorNotATrap() {
        let text = StrategyDocumentTests.clean.replacingOccurrences(of: "montant: 50000", with: "montant: 92233720368547758070")
        let errors = StrategyRuleTests.diagnostics(text).filter { $0.severity == .error }
        #expect(errors.map(\.message) == ["« financement[1].montant » vaut 92233720368547758070 : nombre trop grand"])
    }

    // MARK: - Reach outside the project

    @Test(arguments: ["Content/data/secret.yml", "Templates/assets/secret.css", "Content/guide/09-secret.md"])
    func aSymbolicLinkLeavingTheProjectIsAnErrorAtTheLink(link: String) async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-test-dehors-\(UUID().uuidString)")
        try "titre: secret\n".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: project.root.appendingPathComponent(link), withDestinationURL: outside)
        let (outcome, diagnostics) = await project.build()
        #expect(outcome == .failed)
        #expect(diagnostics.contains { $0.file == link && $0.message.contains("hors du projet") })
        #expect(!FileManager.default.fileExists(atPath: project.output.path + "/guide"))
    }

    @Test func aSymbolicLinkInsideTheProjectIsAllowed() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try FileManager.default.createSymbolicLink(atPath: project.root.appendingPathComponent("Templates/assets/copie.css").path, withDestinationPath: "../print/../assets/impression.css")
        let (outcome, _) = await project.build()
        #expect(outcome.succeeded)
    }

    @Test(arguments: ["../ailleurs", "guide/../../ailleurs", "data", "."])
    func aNewChapterOutsideAPublicationFolderIsRefused(publication: String) throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try project.write("ailleurs/publication.yml", "titre: Ailleurs\n")
        let before = try FileManager.default.subpathsOfDirectory(atPath: project.root.path).sorted()
        #expect(throws: ChapterScaffold.Failure.self) { try ChapterScaffold.create(title: "Titre", publication: publication, root: project.root) }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: project.root.path).sorted() == before)
    }

    static let hostileTitles = ["Deux\nlignes", "---", "titre: \"cité\" 'simple'", "Bip\u{7}\u{0}\u{1B}[31m", "\t ", "Un {{donnees.x}} # commentaire", String(repeating: "très long ", count: 60), "\\ fin\\", "\u{2028}---\u{2029}"]

    @Test(arguments: hostileTitles)
    func whatNewChapterWritesPassesCheck(title: String) async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let path = try ChapterScaffold.create(title: title, publication: "guide", root: project.root)
        let (outcome, diagnostics) = await project.build(writes: false)
        #expect(outcome.succeeded, "\(path) : \(diagnostics)")
        #expect(!diagnostics.contains { $0.severity == .error })
    }

    @Test(arguments: hostileTitles + ["assets"])
    func whatNewCollectiviteWritesPassesCheck(name: String) async throws {
        let project = try StrategyDocumentTests.project([:])
        defer { project.remove() }
        _ = try CollectiviteScaffold.create(name: name, root: project.root)
        let (outcome, diagnostics) = await StrategyDocumentTests.run(project)
        #expect(outcome.produced.count == 1 && outcome.failed.isEmpty, "\(diagnostics)")
    }

    @Test(arguments: [("![mot de passe](file:///etc/passwd)", 17), ("![réseau](<http://example.com/x.png>)", 12), ("Voir ![x][image].\n\n[image]: ../../../etc/passwd", 10), ("![chemin](/etc/passwd)", 11)])
    func anImageOutsideTheProjectIsAnErrorAtItsPlaceInTheChapter(markdown: String, column: Int) async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try project.write("Content/guide/05-images.md", "---\ntitre: Images\n---\n\nTexte.\n\n\(markdown)\n\n`![code](file:///montre.png)`\n")
        let (outcome, diagnostics) = await project.build(writes: false)
        #expect(outcome == .failed)
        let line = 7 + markdown.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column)" } == ["Content/guide/05-images.md:\(line):\(column)"])
    }

    @Test func aStylesheetReachingOutByARelativePathIsReportedAtItsLine() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try project.write("Templates/assets/impression.css", "/* Feuille d'impression */\n@import url(\"\(String(repeating: "../", count: 12))etc/passwd\");\nbody { font-family: \"DejaVu Serif\"; }\n")
        let (outcome, diagnostics) = await project.build(format: .pdf)
        #expect(outcome == .failed)
        let refusal = try #require(diagnostics.first { $0.message.contains("file:///etc/passwd") })
        #expect("\(refusal.file):\(refusal.line):\(refusal.column)" == "Templates/assets/impression.css:2:14")
    }

    // MARK: - Messages

    @Test func aDiagnosticIsOneLineWhateverTheFileNameHolds() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try project.write("Content/guide/05-x\nfaux.md:1:1: erreur: forgé\u{7}.md", "---\ntitre: x\n---\n")
        let (_, diagnostics) = await project.build(writes: false)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.allSatisfy { !$0.description.contains("\n") && !$0.description.contains("\u{7}") })
        #expect(diagnostics.first?.description.contains(#"05-x\nfaux.md"#) == true)
    }

    @Test func anInvalidUTF8ByteIsReportedAtItsLineAndColumn() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        var bytes = Data("---\ntitre: Été\n---\n\nUn texte accentué, puis ".utf8)
        bytes.append(contentsOf: [0xE9, 0x74, 0xE9, 0x0A])
        try bytes.write(to: project.root.appendingPathComponent("Content/guide/05-latin1.md"))
        let (_, diagnostics) = await project.build(writes: false)
        #expect(diagnostics.map { "\($0.file):\($0.line):\($0.column)" } == ["Content/guide/05-latin1.md:5:25"])
        #expect(diagnostics.first?.message.contains("0xE9") == true)
    }

    @Test(arguments: [("titre: Titre\nnature:\n\tchapitre\n", "tabulation", 3, 1), ("titre: Bip\u{7} fin\n", "caractère interdit (U+0007)", 1, 11), ("titre: \"a\\qb\"\n", "séquence d'échappement", 1, 8)])
    func yamlSyntaxErrorsAreSaidInFrenchAtTheirPlace(yaml: String, message: String, line: Int, column: Int) {
        let (_, diagnostics) = decodeYAML(FrontMatter.self, yaml)
        #expect(diagnostics.count == 1)
        let diagnostic = diagnostics.first
        #expect(diagnostic?.message.contains(message) == true, "\(diagnostics)")
        #expect(diagnostic.map { "\($0.line):\($0.column)" } == "\(line):\(column)")
        #expect(diagnostic?.description.contains("\n") == false)
    }

    @Test func usageErrorsAreSaidInFrench() throws {
        for arguments in [["build", "--formt", "pdf"], ["build", "--format", "xml"], ["new", "chapter"]] {
            let result = try runProgram(CommandLineTests.executable, arguments)
            #expect(result.status == 2)
            #expect(result.stderr.hasPrefix("cadre : erreur d'utilisation : "), "\(result.stderr)")
            #expect(!result.stderr.contains("Error:") && !result.stderr.contains("Usage:"))
        }
    }

    @Test func aScaffoldThatCannotBeWrittenSaysWhyInFrench() throws {
        let project = try StrategyDocumentTests.project([:])
        defer { project.remove() }
        try project.write("Content/collectivites", "un fichier à la place du dossier")
        do {
            _ = try CollectiviteScaffold.create(name: "Valmont", root: project.root)
            Issue.record("le fichier a été écrit")
        } catch .writeFailed(let path, let reason) {
            #expect(path == "Content/collectivites/valmont.yml")
            #expect(reason == "un fichier ou un dossier de ce nom existe déjà")
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test func aSystemErrorIsSaidInFrench() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try project.write("fichier", "pas un dossier")
        let (outcome, diagnostics) = await Self.build(project, output: project.root.appendingPathComponent("fichier/Output"))
        #expect(outcome == .failed)
        #expect(diagnostics.first?.message.contains("un fichier porte le nom d'un dossier attendu") == true)
        #expect(diagnostics.first?.message.contains("Not a directory") == false)
    }
}

extension FileHandle {
    /// Reads until `count` lines have come (or the end of the stream).
    func availableLines(_ count: Int) -> Data {
        var data = Data()
        while data.filter({ $0 == 0x0A }).count < count {
            let chunk = availableData
            if chunk.isEmpty { break }
            data.append(chunk)
        }
        return data
    }
}
