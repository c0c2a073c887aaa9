import Foundation
import ZIPFoundation

/// A zip package (ODT, DOCX, IDML, the layout provider's package) with deterministic bytes:
/// entries in the order they are added, every timestamp the same fixed date, fixed
/// permissions. The same entries give the same file.
struct ZipPackage {
    /// One file of the package.
    struct Entry {
        var path: String
        var data: Data
        /// Stored as is (the ODT `mimetype`, pictures already compressed) or deflated.
        var compressed: Bool
    }

    private(set) var entries: [Entry] = []

    /// 1980-01-01 00:00 UTC, the first date a zip can hold: no build date leaks into the file.
    static let timestamp = Date(timeIntervalSince1970: 315_532_800)

    /// Adds a file, deflated unless `compressed` is false.
    mutating func add(_ path: String, _ data: Data, compressed: Bool = true) {
        entries.append(Entry(path: path, data: data, compressed: compressed))
    }

    /// Adds a text file, UTF-8.
    mutating func add(_ path: String, text: String, compressed: Bool = true) {
        add(path, Data(text.utf8), compressed: compressed)
    }

    /// The zip file.
    func data() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let data = entry.data
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.timestamp,
                                 permissions: 0o644, compressionMethod: entry.compressed ? .deflate : .none) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }
}
