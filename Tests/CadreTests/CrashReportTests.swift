import Foundation
import Testing

/// A fault of cadre itself: one French line on the terminal, which names the file where the
/// backtrace was written for whoever fixes the bug.
@Suite struct CrashReportTests {
    /// One French line, exit 1, no backtrace on the terminal: it is in the file the line names.
    @Test func aCrashWritesItsBacktraceToTheFileItsLineNames() throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["build", "--format", "pdf", "--root", project.root.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        // A fault of cadre itself, as a trap in Swift code raises it.
        usleep(700_000)
        kill(process.processIdentifier, SIGILL)
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(text.split(separator: "\n").count == 1, "\(text)")
        let name = "cadre-panne-\(process.processIdentifier).txt"
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        defer { try? FileManager.default.removeItem(at: trace) }
        #expect(text.hasPrefix("cadre : erreur interne pendant « ") && text.hasSuffix("et la trace technique écrite dans \(trace.path)\n"), "\(text)")
        let report = try String(contentsOf: trace, encoding: .utf8)
        let lines = report.split(separator: "\n")
        #expect(lines.first?.hasPrefix("cadre : erreur interne (signal \(SIGILL)) pendant « ") == true, "\(report)")
        // Frames as glibc writes them: binary(symbol+offset)[address], cadre's own among them.
        #expect(lines.dropFirst(2).count >= 3 && lines.dropFirst(2).allSatisfy { $0.contains("[0x") }, "\(report)")
        #expect(lines.contains { $0.contains("cadre(") }, "\(report)")
    }
}
