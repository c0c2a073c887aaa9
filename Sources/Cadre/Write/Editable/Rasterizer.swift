import Foundation

/// Debian's `rsvg-convert` (librsvg2-bin): draws an SVG as a PNG at 300 dpi (the editable
/// documents' fallback) or as a vector PDF (the layout provider's figures). Pictures are never
/// drawn by cadre itself.
struct Rasterizer: Sendable {
    /// The program.
    let executable: URL

    /// 300 dpi for a picture measured in CSS pixels (96 per inch).
    static let zoom = 300.0 / 96.0

    /// `rsvg-convert` from the PATH, or nil when it is not installed.
    static func locate() -> Rasterizer? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin"] {
            let url = URL(fileURLWithPath: folder).appendingPathComponent("rsvg-convert")
            if FileManager.default.isExecutableFile(atPath: url.path) { return Rasterizer(executable: url) }
        }
        return nil
    }

    /// The PNG of `svg`, or nil if rsvg-convert fails.
    func png(_ svg: String) -> Data? {
        run(svg, format: "png", arguments: ["--zoom", String(Self.zoom)])
    }

    /// The vector PDF of `svg` (the layout provider's figures), dated 1980 (or
    /// `SOURCE_DATE_EPOCH`) so that its bytes do not change; nil if rsvg-convert fails.
    func pdf(_ svg: String) -> Data? {
        var environment = ProcessInfo.processInfo.environment
        if environment["SOURCE_DATE_EPOCH"] == nil { environment["SOURCE_DATE_EPOCH"] = "315532800" }
        return run(svg, format: "pdf", environment: environment)
    }

    private func run(_ svg: String, format: String, arguments: [String] = [], environment: [String: String]? = nil) -> Data? {
        // Files rather than pipes: no buffer to drain while the program writes a large picture.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-\(format)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let input = folder.appendingPathComponent("graphique.svg"), output = folder.appendingPathComponent("graphique.\(format)")
            try Data(svg.utf8).write(to: input)
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments + ["--format", format, "--output", output.path, input.path]
            if let environment { process.environment = environment }
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            return try Data(contentsOf: output)
        } catch {
            return nil
        }
    }
}
