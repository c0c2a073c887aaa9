import Foundation
import ZIPFoundation

/// A zip package (ODT, DOCX, IDML, the layout provider's package) with deterministic bytes: entries in the order they are added,
/// every timestamp the same fixed date, fixed permissions. The same entries give the same file.
///
/// The zip structure is written here (local headers, central directory: PKWARE's APPNOTE, no
/// zip64, which packages of a few megabytes never need); deflating is ZIPFoundation's (zlib).
/// Writing the structure lets an entry arrive already deflated: the embedded fonts, the same
/// megabytes in every document, are deflated once per process, not once per document.
struct ZipPackage {
    /// The bytes of an entry as the package stores them, with what its headers say of them.
    struct Stored: Sendable {
        var bytes: Data
        var crc32: UInt32
        var size: Int
        var deflated: Bool

        /// `data` deflated (or stored as is when `compress` is false, or when deflating does
        /// not make it smaller).
        init(_ data: Data, compress: Bool) throws {
            size = data.count
            guard compress, !data.isEmpty else {
                bytes = data
                crc32 = data.crc32(checksum: 0)
                deflated = false
                return
            }
            var output = Data()
            crc32 = try Data.compress(size: Int64(data.count), bufferSize: 64 * 1024, provider: { position, chunk in
                data.subdata(in: Int(position)..<Int(position) + chunk)
            }, consumer: { output.append($0) })
            if output.count < data.count {
                bytes = output
                deflated = true
            } else {
                bytes = data
                deflated = false
            }
        }
    }

    private var entries: [(path: String, stored: Stored)] = []
    private var failure: Error?

    /// 1980-01-01 00:00, the first date a zip can hold (MS-DOS date 0x0021, time 0): no build
    /// date leaks into the file.
    private static let dosDate: UInt16 = 0x0021

    /// Adds a file, deflated unless `compressed` is false (the ODT `mimetype`, pictures already
    /// compressed).
    mutating func add(_ path: String, _ data: Data, compressed: Bool = true) {
        do {
            entries.append((path, try Stored(data, compress: compressed)))
        } catch {
            failure = failure ?? error
        }
    }

    /// Adds a text file, UTF-8.
    mutating func add(_ path: String, text: String, compressed: Bool = true) {
        add(path, Data(text.utf8), compressed: compressed)
    }

    /// Adds a file already prepared for the package.
    mutating func add(_ path: String, stored: Stored) {
        entries.append((path, stored))
    }

    /// The zip file.
    func data() throws -> Data {
        if let failure { throw failure }
        var file = Data()
        var directory = Data()
        for (path, stored) in entries {
            let name = Data(path.utf8)
            guard file.count < Int(UInt32.max), stored.bytes.count < Int(UInt32.max), name.count < Int(UInt16.max) else {
                throw CocoaError(.fileWriteUnknown)
            }
            let offset = UInt32(file.count)
            // Version 2.0, bit 11 (names in UTF-8), the method, the fixed date, the sizes.
            var common = Data()
            common.append(le16: 20)
            common.append(le16: 0x0800)
            common.append(le16: stored.deflated ? 8 : 0)
            common.append(le16: 0)
            common.append(le16: Self.dosDate)
            common.append(le32: stored.crc32)
            common.append(le32: UInt32(stored.bytes.count))
            common.append(le32: UInt32(stored.size))
            common.append(le16: UInt16(name.count))
            common.append(le16: 0)

            file.append(le32: 0x0403_4b50)
            file.append(common)
            file.append(name)
            file.append(stored.bytes)

            // Made by version 2.0 on Unix, so that the permissions (rw-r--r--, a file) are read.
            directory.append(le32: 0x0201_4b50)
            directory.append(le16: 0x0314)
            directory.append(common)
            directory.append(le16: 0)
            directory.append(le16: 0)
            directory.append(le16: 0)
            directory.append(le32: UInt32(0o100644) << 16)
            directory.append(le32: offset)
            directory.append(name)
        }
        guard file.count < Int(UInt32.max), entries.count < Int(UInt16.max) else { throw CocoaError(.fileWriteUnknown) }
        let directoryOffset = UInt32(file.count)
        file.append(directory)
        file.append(le32: 0x0605_4b50)
        file.append(le16: 0)
        file.append(le16: 0)
        file.append(le16: UInt16(entries.count))
        file.append(le16: UInt16(entries.count))
        file.append(le32: UInt32(directory.count))
        file.append(le32: directoryOffset)
        file.append(le16: 0)
        return file
    }
}

private extension Data {
    mutating func append(le16 value: UInt16) {
        append(contentsOf: [UInt8(value & 0xff), UInt8(value >> 8)])
    }

    mutating func append(le32 value: UInt32) {
        append(contentsOf: [UInt8(value & 0xff), UInt8(value >> 8 & 0xff), UInt8(value >> 16 & 0xff), UInt8(value >> 24)])
    }
}
