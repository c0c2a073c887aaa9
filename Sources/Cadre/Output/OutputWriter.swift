import Foundation

/// Writes a build's files into the output folder all at once: everything is first written to
/// a staging folder beside it, and each publication's folder is swapped in only when all
/// files are there. A failed build leaves the previous output untouched.
public struct OutputWriter {
    public let output: URL

    public init(output: URL) { self.output = output }

    /// Writes the files into a fresh staging folder; nothing in the output changes yet. The
    /// folders swapped in on commit are those `depth` levels deep: `guide/` for a publication,
    /// `strategies/angers/` for a strategy document (its neighbours stay as they are).
    public func stage(_ files: [RenderedFile], depth: Int = 1) throws -> StagedOutput {
        let manager = FileManager.default
        try manager.createDirectory(at: output, withIntermediateDirectories: true)
        let staged = StagedOutput(output: output, folder: output.appendingPathComponent(".cadre-staging-\(ProcessInfo.processInfo.processIdentifier)"), depth: depth)
        try? manager.removeItem(at: staged.folder)
        try staged.add(files)
        return staged
    }
}

/// A build written to its staging folder, not yet in the output; removed unless committed.
/// Files may be added from several threads.
public final class StagedOutput: @unchecked Sendable {
    public let output: URL
    /// The staging folder, inside the output folder (same file system, so moves are renames).
    public let folder: URL
    /// Path depth of the folders swapped in on commit.
    private let depth: Int
    private var folders: Set<String> = []
    private let lock = NSLock()
    /// How many files were staged.
    public private(set) var count = 0

    init(output: URL, folder: URL, depth: Int) {
        self.output = output
        self.folder = folder
        self.depth = depth
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Where the staged file at `path` (relative to the output) is.
    public func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    /// Writes the files (on two threads: writing many small files waits on the disk).
    public func add(_ files: [RenderedFile]) throws {
        let manager = FileManager.default
        for folder in Set(files.map { url($0.path).deletingLastPathComponent().path }).sorted() {
            try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let failures = Parallel.map(files.count, workers: 2) { index -> Error? in
            do {
                try files[index].data.write(to: url(files[index].path))
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        lock.withLock {
            count += files.count
            for file in files {
                let parts = file.path.split(separator: "/")
                folders.insert(parts.prefix(min(depth, parts.count - 1)).joined(separator: "/"))
            }
        }
    }

    /// Replaces each staged top-level folder of the output by its staged version.
    public func commit() throws {
        let manager = FileManager.default
        var replaced: [URL] = []
        defer {
            // The replaced versions go last, on two threads: deleting many small folders waits on the disk.
            _ = Parallel.map(replaced.count, workers: 2) { try? manager.removeItem(at: replaced[$0]) }
        }
        for name in folders.sorted() {
            let target = output.appendingPathComponent(name)
            let previous = output.appendingPathComponent(".cadre-previous-\(name.replacingOccurrences(of: "/", with: "-"))")
            try? manager.removeItem(at: previous)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if manager.fileExists(atPath: target.path) { try manager.moveItem(at: target, to: previous) }
            do {
                try manager.moveItem(at: url(name), to: target)
            } catch {
                if manager.fileExists(atPath: previous.path) { try? manager.moveItem(at: previous, to: target) }
                throw error
            }
            replaced.append(previous)
        }
    }
}
