import Foundation
import Synchronization

/// Writes a build's files into the output folder all at once: everything is first written to
/// a staging folder beside it, and each publication's folder is swapped in only when all
/// files are there. A failed build leaves the previous output untouched. A file whose bytes
/// are those of the output's is staged as a second link to it, and so keeps its date. The
/// output folder is locked from staging to commit: a second run into the same folder waits for
/// the first.
public struct OutputWriter {
    /// The output folder.
    public let output: URL

    /// A writer into `output`.
    public init(output: URL) { self.output = output }

    /// Writes the files into a fresh staging folder; nothing in the output changes yet. The
    /// folders swapped in on commit are those `depth` levels deep: `guide/` for a publication,
    /// `strategies/angers/` for a strategy document (its neighbours stay as they are).
    public func stage(_ files: [RenderedFile], depth: Int = 1) async throws -> StagedOutput {
        try StagedOutput.makeFolder(output.path)
        let lock = try OutputLock(folder: output)
        StaleStaging.remove(in: output)
        let staged = StagedOutput(output: output, folder: output.appendingPathComponent(StaleStaging.stagingPrefix + "\(getpid())"), depth: depth, lock: lock)
        try? FileManager.default.removeItem(at: staged.folder)
        try await staged.add(files)
        return staged
    }
}

/// A build written to its staging folder, not yet in the output; removed unless committed.
/// Files may be added from several tasks.
public final class StagedOutput: Sendable {
    /// The output folder.
    public let output: URL
    /// The staging folder, inside the output folder (same file system, so moves are renames).
    public let folder: URL
    /// Path depth of the folders swapped in on commit.
    private let depth: Int
    /// The folders to swap in, and how many files were staged.
    private let staged = Mutex<(folders: Set<String>, count: Int)>(([], 0))
    /// Held until this value goes away (after the staging folder is removed).
    private let outputLock: OutputLock
    /// How many files were staged.
    public var count: Int { staged.withLock { $0.count } }
    private var folders: Set<String> { staged.withLock { $0.folders } }

    /// `output` and `folder` as paths.
    private let outputPath: String
    private let folderPath: String

    init(output: URL, folder: URL, depth: Int, lock: OutputLock) {
        self.output = output
        self.folder = folder
        self.outputPath = output.path
        self.folderPath = folder.path
        self.depth = depth
        self.outputLock = lock
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Where the staged file at `path` (relative to the output) is.
    public func url(_ path: String) -> URL { folder.appendingPathComponent(path) }

    /// The staged file's path, by string: `URL.appendingPathComponent` asks the file system
    /// whether the path is a folder, some sixteen `stat` calls per strategy document.
    private func stagedPath(_ path: String) -> String { Self.joined(folderPath, path) }

    /// `base/relative`, `relative` being made of `/`-separated names.
    private static func joined(_ base: String, _ relative: String) -> String {
        base.hasSuffix("/") ? base + relative : base + "/" + relative
    }

    /// The parent folder of a `/`-separated path.
    private static func parent(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    /// Writes the files (two at a time: writing many small files waits on the disk).
    public func add(_ files: [RenderedFile]) async throws {
        for folder in Set(files.map { Self.parent(stagedPath($0.path)) }).sorted() {
            try Self.makeFolder(folder)
        }
        // A document's own few files are written where the document was rendered; a whole
        // publication's, two at a time.
        let failures = await Concurrently.map(files.count, limit: files.count < 16 ? 1 : 2) { [self] index -> (any Error)? in
            do {
                let file = files[index], staged = stagedPath(file.path), current = Self.joined(outputPath, file.path)
                if Self.holds(current, file.data), link(current, staged) == 0 { return nil }
                try Self.write(file.data, to: staged)
                return nil
            } catch {
                return error
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        staged.withLock { staged in
            staged.count += files.count
            for file in files {
                let parts = file.path.split(separator: "/")
                staged.folders.insert(parts.prefix(min(depth, parts.count - 1)).joined(separator: "/"))
            }
        }
    }

    /// Whether the regular file at `path` (not a symbolic link) holds exactly `data`. Such a
    /// file, the same in the output already, is staged as a second link to it, not written
    /// again: it keeps its date (a copy to a web server by date and size skips it), and a
    /// rebuild creates no new file for it (on ext4 without a journal, creating files right
    /// after deleting as many is slow: each new file skips the ones just freed).
    private static func holds(_ path: String, _ data: Data) -> Bool {
        // A file larger than `data` is refused before it is read.
        guard case .success(let bytes) = FileLister.contents(path, followingLinks: false, limit: data.count), bytes.count == data.count else { return false }
        return data.isEmpty || data.withUnsafeBytes { expected in bytes.withUnsafeBytes { memcmp(expected.baseAddress!, $0.baseAddress!, data.count) == 0 } }
    }

    /// Writes a staged file. Unlike `Data.write`, without `fsync`: staged files are only
    /// renamed into place, and a build interrupted by a crash is simply run again. Syncing
    /// each file made writing a thousand strategy documents wait on the disk a thousand times.
    private static func write(_ data: Data, to path: String) throws {
        // A file staged earlier at this path may be a link to the output's: it is replaced, never written through.
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw systemError(path) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw systemError(path)
                }
                offset += written
            }
        }
    }

    /// Creates the folder at `path` and its missing parents: one system call when only the
    /// folder itself is missing, the usual case when documents are added one by one.
    static func makeFolder(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw systemError(path) }
        let parent = (path as NSString).deletingLastPathComponent
        guard !parent.isEmpty, parent != path else { throw systemError(path) }
        try makeFolder(parent)
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw systemError(path) }
    }

    /// Replaces each staged top-level folder of the output by its staged version, all or
    /// nothing: when one folder cannot be swapped in, those already swapped are put back.
    public func commit() async throws {
        var swapped: [Swap] = []
        // Plain system calls: a batch of strategy documents swaps a thousand folders in.
        for name in folders.sorted() {
            do {
                swapped.append(try swapIn(name))
            } catch {
                for swap in swapped.reversed() { swap.undo() }
                throw error
            }
        }
        // The replaced versions go last, on two threads: deleting many small folders waits on the disk.
        let replaced = swapped.compactMap(\.previous)
        _ = await Concurrently.map(replaced.count, limit: 2) { try? FileManager.default.removeItem(atPath: replaced[$0]) }
    }

    /// A staged folder moved into the output, and how to move it back out.
    private struct Swap {
        var target: String
        var staged: String
        /// Where the version it replaced waits, nil when there was none.
        var previous: String?

        func undo() {
            rename(target, staged)
            if let previous { rename(previous, target) }
        }
    }

    private func swapIn(_ name: String) throws -> Swap {
        let target = Self.joined(outputPath, name)
        let previous = Self.joined(outputPath, StaleStaging.previousPrefix + name.replacingOccurrences(of: "/", with: "-"))
        let staged = stagedPath(name)
        try Self.makeFolder(Self.parent(target))
        var hadPrevious = rename(target, previous) == 0
        if !hadPrevious, errno == ENOTEMPTY || errno == EEXIST {
            // Left by an interrupted run.
            try? FileManager.default.removeItem(atPath: previous)
            hadPrevious = rename(target, previous) == 0
        }
        if !hadPrevious, errno != ENOENT { throw Self.systemError(target) }
        guard rename(staged, target) == 0 else {
            let error = Self.systemError(target)
            if hadPrevious { rename(previous, target) }
            throw error
        }
        return Swap(target: target, staged: staged, previous: hadPrevious ? previous : nil)
    }

    /// The error of the last failed system call, about `path`.
    private static func systemError(_ path: String) -> Error { SystemCallError(path: path, code: errno) }
}

/// A failed system call on a file of the output, described in French.
struct SystemCallError: LocalizedError {
    var path: String
    var code: Int32

    var errorDescription: String? { "\(Diagnostic.escaped(path)) : \(SystemMessage.french(code))" }
}
