import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import CadreServe

/// `cadre serve` started on a free loopback port over a scratch copy of the example project,
/// asked over real HTTP (URLSession, and curl where the request must stay as written).
final class ServeTests: XCTestCase {
    private var root: URL!
    private var server: Task<Void, Error>!
    private var base: URL!

    override func setUp() async throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Tests/CadreTests/Fixtures/exemple/Content"), to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        var preview = PreviewServer(root: root)
        preview.port = 0
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        server = Task { [preview] in
            try await preview.run { port in continuation.yield(port) }
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { return XCTFail("le serveur n'a pas démarré") }
        base = URL(string: "http://127.0.0.1:\(port)")!
    }

    override func tearDown() async throws {
        server.cancel()
        _ = await server.result
        try? FileManager.default.removeItem(at: root)
    }

    func testServesThePagesBuiltInMemoryAndWritesNothing() async throws {
        let (status, page) = try await get("/guide/diagnostic.html")
        XCTAssertEqual(status, 200)
        XCTAssertTrue(page.contains("<script src=\"/_cadre/live.js\" defer></script>"), "la page reçoit le script d'aperçu")
        let (indexStatus, index) = try await get("/guide/")
        XCTAssertEqual(indexStatus, 200)
        XCTAssertTrue(index.contains("diagnostic.html"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path), "rien n'est écrit dans Output/")
    }

    func testAnEditIsReflectedAndTheOpenPagesAreTold() async throws {
        let events = try EventReader(url: base.appendingPathComponent("_cadre/evenements"))
        defer { events.stop() }
        _ = try await events.next()  // the current state
        try edit("Content/guide/02-diagnostic.md") { $0 + "\nUne phrase ajoutée pendant l'aperçu.\n" }
        let page = try await eventually("/guide/diagnostic.html") { $0.contains("Une phrase ajoutée pendant l") }
        XCTAssertTrue(page.contains("aperçu."))
        let event = try await events.next()
        XCTAssertTrue(event.contains("\"guide/diagnostic.html\""), "l'événement nomme la page modifiée : \(event)")
        XCTAssertFalse(event.contains("\"guide/organisation.html\""), "une page que la modification ne touche pas n'est pas rechargée : \(event)")
    }

    func testABrokenFrontMatterShowsTheOverlayUntilItIsFixed() async throws {
        let chapter = "Content/guide/02-diagnostic.md"
        let original = try String(contentsOf: root.appendingPathComponent(chapter), encoding: .utf8)
        try edit(chapter) { $0.replacingOccurrences(of: "titre:", with: "titre: [non fermé\nautre:") }
        let broken = try await status { !$0.errors.isEmpty }
        XCTAssertTrue(broken.errors.contains { $0.location.hasPrefix("\(chapter):") && $0.location.split(separator: ":").count == 3 },
                      "l'erreur est donnée en fichier:ligne:colonne : \(broken.errors)")
        let (code, page) = try await get("/guide/diagnostic.html")
        XCTAssertEqual(code, 200, "la dernière version correcte reste servie")
        XCTAssertTrue(page.contains("<h1"))
        try original.write(to: root.appendingPathComponent(chapter), atomically: true, encoding: .utf8)
        let fixed = try await status { $0.errors.isEmpty }
        XCTAssertTrue(fixed.errors.isEmpty)
    }

    func testNothingOutsideTheSiteIsServed() async throws {
        for path in ["/../../etc/passwd", "/guide/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/Content/guide/publication.yml", "/guide/.cache"] {
            XCTAssertEqual(try curlStatus(path), 404, path)
        }
        // A link leaving the project is an error and its target is never served.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("Templates/assets/fuite.txt").path, withDestinationPath: "/etc/passwd")
        let broken = try await status { $0.errors.contains { $0.location.hasPrefix("Templates/assets/fuite.txt:") } }
        XCTAssertFalse(broken.errors.isEmpty)
        XCTAssertEqual(try curlStatus("/guide/assets/fuite.txt"), 404)
        let posted = try await get("/_cadre/evenements", method: "POST").0
        XCTAssertTrue([404, 405].contains(posted), "le canal de rechargement n'accepte rien (\(posted))")
    }

    func testTwoQuickEditsEndOnTheSecond() async throws {
        let chapter = "Content/guide/02-diagnostic.md"
        try edit(chapter) { $0 + "\nPremière version du paragraphe.\n" }
        try edit(chapter) { $0.replacingOccurrences(of: "Première version du paragraphe.", with: "Seconde version du paragraphe.") }
        _ = try await eventually("/guide/diagnostic.html") { $0.contains("Seconde version du paragraphe.") }
        try await Task.sleep(for: .milliseconds(300))
        let (_, page) = try await get("/guide/diagnostic.html")
        XCTAssertTrue(page.contains("Seconde version du paragraphe."))
        XCTAssertFalse(page.contains("Première version du paragraphe."))
    }

    func testPathsThatLeaveTheSiteAreRefused() {
        XCTAssertNil(Routes.sitePath("/../etc/passwd"))
        XCTAssertNil(Routes.sitePath("/guide/%2e%2e/x"))
        XCTAssertNil(Routes.sitePath("/guide/a%00b"))
        XCTAssertEqual(Routes.sitePath("/guide/cadre-logique.html"), "guide/cadre-logique.html")
        XCTAssertEqual(Routes.sitePath("/guide/"), "guide/")
    }

    // MARK: - Helpers

    private func edit(_ path: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(change(text).utf8).write(to: url)
    }

    private func get(_ path: String, method: String = "GET") async throws -> (Int, String) {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// The status code of a request sent exactly as written (`curl --path-as-is`).
    private func curlStatus(_ path: String) throws -> Int {
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--path-as-is", base.absoluteString + path]
        let output = Pipe()
        curl.standardOutput = output
        try curl.run()
        curl.waitUntilExit()
        return Int(String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)) ?? 0
    }

    private func eventually(_ path: String, _ condition: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(20)
        while true {
            let (_, page) = try await get(path)
            if condition(page) { return page }
            if Date() > deadline { XCTFail("la page \(path) n'a pas changé"); return page }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    private func status(_ condition: (Status) -> Bool) async throws -> Status {
        let deadline = Date().addingTimeInterval(20)
        while true {
            let (_, text) = try await get("/_cadre/etat")
            let status = try JSONDecoder().decode(Status.self, from: Data(text.utf8))
            if condition(status) { return status }
            if Date() > deadline { XCTFail("état attendu jamais atteint : \(status)"); return status }
            try await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// The reload channel read as a page reads it: `curl -N`, one `data:` line per event.
private final class EventReader: @unchecked Sendable {
    private let curl = Process()
    private let lines: AsyncThrowingStream<String, Error>

    init(url: URL) throws {
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-N", url.absoluteString]
        let pipe = Pipe()
        curl.standardOutput = pipe
        let handle = pipe.fileHandleForReading
        lines = AsyncThrowingStream { continuation in
            Thread {
                var buffer = Data()
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    buffer.append(chunk)
                    while let end = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                        let line = String(decoding: buffer[buffer.startIndex..<end], as: UTF8.self)
                        buffer = Data(buffer[(end + 1)...])
                        if line.hasPrefix("data: ") { continuation.yield(String(line.dropFirst(6))) }
                    }
                }
                continuation.finish()
            }.start()
        }
        try curl.run()
    }

    func next() async throws -> String {
        var iterator = lines.makeAsyncIterator()
        guard let line = try await iterator.next() else { throw URLError(.networkConnectionLost) }
        return line
    }

    func stop() { curl.terminate() }
}
