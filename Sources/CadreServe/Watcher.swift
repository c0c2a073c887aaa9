#if canImport(Glibc)
import Glibc
#endif
import Cadre
import Foundation
import Synchronization

/// Watches folders of the project with Linux's inotify: a thread sleeps in `poll` until the
/// kernel reports a change (no polling loop), and the paths changed, relative to the root,
/// are handed to `changed`. Sub-folders created later are watched too.
final class Watcher: Sendable {
    private let root: URL
    private let inotify: Int32
    /// Written to by `stop` to wake the thread.
    private let wake: (read: Int32, write: Int32)
    /// Watch descriptor → folder relative to the root.
    private let folders = Mutex<[Int32: String]>([:])
    private let changed: @Sendable ([String]) -> Void

    /// What a change is: a file written and closed, moved in or out, deleted; a folder created.
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE)

    /// Starts watching `folders` (relative to `root`) and everything under them.
    init(root: URL, folders watched: [String], changed: @escaping @Sendable ([String]) -> Void) throws {
        self.root = root
        self.changed = changed
        inotify = inotify_init1(Int32(O_CLOEXEC))
        guard inotify >= 0 else { throw WatcherError.unavailable(SystemMessage.french(errno)) }
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw WatcherError.unavailable(SystemMessage.french(errno)) }
        for end in pipe { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        wake = (pipe[0], pipe[1])
        for folder in watched { addTree(folder) }
        let thread = Thread { [self] in self.loop() }
        thread.name = "cadre-watcher"
        thread.start()
    }

    /// Stops the thread and releases the descriptors.
    func stop() {
        var byte: UInt8 = 1
        _ = Glibc.write(wake.write, &byte, 1)
    }

    private func addTree(_ folder: String) {
        let url = root.appendingPathComponent(folder)
        add(folder)
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: [.isDirectoryKey, .isSymbolicLinkKey]) else { return }
        for case let child as URL in enumerator {
            let values = try? child.resourceValues(forKeys: [.isDirectoryKey, .isSymbolicLinkKey])
            guard values?.isDirectory == true, values?.isSymbolicLink != true else { continue }
            add(folder + "/" + child.path.dropFirst(url.path.count + 1))
        }
    }

    private func add(_ folder: String) {
        let descriptor = inotify_add_watch(inotify, root.appendingPathComponent(folder).path, Self.mask | UInt32(IN_ONLYDIR | IN_DONT_FOLLOW))
        if descriptor >= 0 { folders.withLock { $0[descriptor] = folder } }
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var descriptors = [pollfd(fd: inotify, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
        while true {
            guard poll(&descriptors, 2, -1) >= 0 || errno == EINTR else { break }
            if descriptors[1].revents != 0 { break }
            guard descriptors[0].revents != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(inotify, $0.baseAddress, $0.count) }
            guard count > 0 else { continue }
            let paths = parse(buffer[0..<count])
            if !paths.isEmpty { changed(paths) }
        }
        close(inotify)
        close(wake.read)
        close(wake.write)
    }

    /// Reads the kernel's records: `wd`, `mask`, `cookie`, `len` (4 bytes each), then the name.
    private func parse(_ bytes: ArraySlice<UInt8>) -> [String] {
        var paths: [String] = []
        var offset = bytes.startIndex
        func word(_ at: Int) -> UInt32 {
            bytes[at..<at + 4].reversed().reduce(0) { $0 << 8 | UInt32($1) }
        }
        while offset + 16 <= bytes.endIndex {
            let descriptor = Int32(bitPattern: word(offset)), mask = word(offset + 4), length = Int(word(offset + 12))
            let nameBytes = bytes[offset + 16..<min(offset + 16 + length, bytes.endIndex)].prefix { $0 != 0 }
            offset += 16 + length
            let name = String(decoding: nameBytes, as: UTF8.self)
            guard let folder = folders.withLock({ $0[descriptor] }), !name.isEmpty, !Self.isScratch(name) else { continue }
            let path = folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path) }
            } else if mask & UInt32(IN_CREATE) != 0, !isLink(path) {
                // A new file is reported again when it is written and closed (a link never is).
                continue
            }
            paths.append(path)
        }
        return paths
    }

    private func isLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(root.appendingPathComponent(path).path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// An editor's temporary or backup file (`.chapitre.md.swp`, `chapitre.md~`, `4913`).
    static func isScratch(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp") || name.allSatisfy(\.isNumber)
    }
}

/// Why the project cannot be watched.
enum WatcherError: Error, CustomStringConvertible {
    case unavailable(String)

    var description: String {
        switch self {
        case .unavailable(let reason): "impossible de surveiller les fichiers du projet (inotify) : \(reason)"
        }
    }
}
