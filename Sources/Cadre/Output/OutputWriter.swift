import Foundation

/// Writes a build's files into the output folder all at once: everything is first written to
/// a staging folder beside it, and each publication's folder is swapped in only when all
/// files are there. A failed build leaves the previous output untouched.
public struct OutputWriter {
    public let output: URL

    public init(output: URL) { self.output = output }

    /// Replaces the folders named by the first component of the files' paths.
    public func write(_ files: [RenderedFile]) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: output, withIntermediateDirectories: true)
        let staging = output.appendingPathComponent(".cadre-staging-\(ProcessInfo.processInfo.processIdentifier)")
        try? manager.removeItem(at: staging)
        defer { try? manager.removeItem(at: staging) }
        for file in files {
            let url = staging.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
        }
        let folders = Set(files.compactMap { $0.path.split(separator: "/").first.map(String.init) }).sorted()
        for folder in folders {
            let target = output.appendingPathComponent(folder)
            let previous = output.appendingPathComponent(".cadre-previous-\(folder)")
            try? manager.removeItem(at: previous)
            if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: previous) }
            do {
                try manager.moveItem(at: staging.appendingPathComponent(folder), to: target)
            } catch {
                if manager.fileExists(atPath: previous.path) { try? manager.moveItem(at: previous, to: target) }
                throw error
            }
            try? manager.removeItem(at: previous)
        }
    }
}
