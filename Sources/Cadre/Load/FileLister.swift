import Foundation

/// File-system helpers shared by the loaders: sorted listings, relative paths, reading with a diagnostic.
enum FileLister {
    /// Regular files of `folder` (not recursive) with one of `extensions`, sorted by name.
    static func files(in folder: URL, extensions: Set<String>) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted()
            .filter { !$0.hasPrefix(".") && extensions.contains(($0 as NSString).pathExtension.lowercased()) }
            .map { folder.appendingPathComponent($0) }
    }

    /// Like `files(in:extensions:)`, descending into sub-folders.
    static func files(in folder: URL, extensions: Set<String>, recursive: Bool) -> [URL] {
        guard recursive else { return files(in: folder, extensions: extensions) }
        return files(in: folder, extensions: extensions) + folders(in: folder).flatMap { files(in: $0, extensions: extensions, recursive: true) }
    }

    /// Sub-folders of `folder`, sorted by name.
    static func folders(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }.filter(isFolder)
    }

    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func relativePath(of url: URL, to root: URL) -> String {
        let base = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        guard path.hasPrefix(base + "/") else { return path }
        return String(path.dropFirst(base.count + 1))
    }

    /// The file as UTF-8 text, or nil with a diagnostic.
    static func read(_ url: URL, path: String, into sink: DiagnosticSink) -> String? {
        let bytes: [UInt8]
        switch contents(url.path) {
        case .success(let read):
            bytes = read
        case .failure(.tooLarge(let size)):
            sink.report(SourceLocation(file: path, line: 1).error("fichier trop gros (\(size / 1_000_000) Mo, \(maximumSize / 1_000_000) Mo au plus)", hint: "découpez-le en plusieurs fichiers"))
            return nil
        case .failure(.notRegular):
            sink.report(SourceLocation(file: path, line: 1).error("ce n'est pas un fichier ordinaire (tube, périphérique ?)", hint: "remplacez-le par un fichier texte"))
            return nil
        case .failure(.unreadable(let code)):
            sink.report(SourceLocation(file: path, line: 1).error("fichier illisible : \(SystemMessage.french(code))", hint: "vérifiez qu'il existe et que vous avez le droit de le lire"))
            return nil
        }
        // A byte order mark (Windows editors write one) is not part of the text.
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else {
            sink.report(invalidUTF8(body, path: path))
            return nil
        }
        return body.contains(13) ? text.replacingAll("\r\n", with: "\n") : text
    }

    /// Where the first byte that is not UTF-8 is: its line, and its column in characters.
    static func invalidUTF8(_ bytes: ArraySlice<UInt8>, path: String) -> Diagnostic {
        var line = 1, column = 1
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = bytes.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar):
                offset += scalar.count
                if scalar.first == UInt8(ascii: "\n") { (line, column) = (line + 1, 1) } else { column += 1 }
                continue
            case .error:
                let byte = String(bytes[offset], radix: 16, uppercase: true)
                return SourceLocation(file: path, line: line, column: column).error("octet 0x\(byte) invalide : le fichier n'est pas en UTF-8", hint: "enregistrez-le en UTF-8 depuis votre éditeur, ou retapez le caractère à cet endroit")
            case .emptyInput:
                return SourceLocation(file: path, line: line, column: column).error("le fichier n'est pas en UTF-8", hint: "enregistrez-le en UTF-8 depuis votre éditeur")
            }
        }
    }

    /// Bytes a source file may have: a text of cadre is a few hundred kilobytes at most.
    static let maximumSize = 20_000_000

    /// Why a file's bytes could not be read.
    enum ReadFailure: Error {
        case unreadable(Int32)
        /// A pipe or a device: reading it could wait forever or never end.
        case notRegular
        case tooLarge(Int)
    }

    /// The bytes of a regular file, read with plain system calls (`FileManager.contents` took
    /// longer than decoding a collectivité's file). Opened without blocking, so that a named
    /// pipe in the sources is refused instead of waiting for a writer; a symbolic link is
    /// refused too unless `followingLinks`; more than `limit` bytes is too large.
    static func contents(_ path: String, followingLinks: Bool = true, limit: Int = maximumSize) -> Result<[UInt8], ReadFailure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return .failure(.unreadable(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(errno)) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegular) }
        guard status.st_size <= limit else { return .failure(.tooLarge(Int(status.st_size))) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(Int(status.st_size), 4096) + 1)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(errno))
            }
            if count == 0 { return .success(bytes) }
            guard bytes.count + count <= limit else { return .failure(.tooLarge(bytes.count + count)) }
            bytes.append(contentsOf: chunk[..<count])
        }
    }
}
