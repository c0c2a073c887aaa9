import Foundation

/// A font file of the charter, embedded in the word-processor documents so that they show in
/// Lato and Charis SIL on a computer that has neither. Both fonts are under the SIL Open Font
/// License, which allows embedding (their OS/2 `fsType` is 0: installable embedding); they are
/// embedded whole, since a document that is edited needs every character, not the ones it had.
struct EmbeddedFont: Sendable {
    /// One of the four faces a word processor embeds for a family.
    enum Face: CaseIterable, Sendable {
        case regular, bold, italic, boldItalic
    }

    /// The family, as styles name it (`Charter.sans`, `Charter.serif`).
    var family: String
    var face: Face
    /// The file's name, kept in the package (`Lato-Bold.ttf`).
    var fileName: String
    /// The font file, as installed.
    var data: Data
    /// The file deflated for an ODT, and obfuscated then deflated for a DOCX: done once per
    /// process, since every document carries the same fonts.
    var odtEntry: ZipPackage.Stored
    var docxEntry: ZipPackage.Stored

    /// Where Debian installs the charter's fonts (fonts-lato, fonts-sil-charis, which
    /// `scripts/setup` installs for the PDF engine), and each face's file.
    private static let sources: [(family: String, folder: String, files: [Face: String])] = [
        (Charter.sans, "/usr/share/fonts/truetype/lato",
         [.regular: "Lato-Regular.ttf", .bold: "Lato-Bold.ttf", .italic: "Lato-Italic.ttf", .boldItalic: "Lato-BoldItalic.ttf"]),
        (Charter.serif, "/usr/share/fonts/truetype/charis",
         [.regular: "CharisSIL-Regular.ttf", .bold: "CharisSIL-Bold.ttf", .italic: "CharisSIL-Italic.ttf", .boldItalic: "CharisSIL-BoldItalic.ttf"]),
    ]

    /// The charter's font files found on this machine, families in the charter's order and
    /// faces in `Face` order; read once per process. A missing file is left out: its family
    /// stays declared, and a word processor that lacks it substitutes another.
    static let installed: [EmbeddedFont] = sources.flatMap { source in
        Face.allCases.compactMap { face -> EmbeddedFont? in
            guard let name = source.files[face],
                  let data = FileManager.default.contents(atPath: "\(source.folder)/\(name)"),
                  let odt = try? ZipPackage.Stored(data, compress: true),
                  let docx = try? ZipPackage.Stored(obfuscated(data, key: key(fileName: name)), compress: true) else { return nil }
            return EmbeddedFont(family: source.family, face: face, fileName: name, data: data, odtEntry: odt, docxEntry: docx)
        }
    }

    // MARK: - Word's obfuscated fonts

    /// The key Word obfuscates the file with (ECMA-376 Part 1, §17.8.1), a GUID as `w:fontKey`
    /// writes it. Derived from the file's name (FNV-1a), not drawn at random: the same fonts
    /// give the same bytes.
    var key: String { Self.key(fileName: fileName) }

    private static func key(fileName: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var digits = ""
        for round in 0..<2 {
            for byte in Array("\(round)\(fileName)".utf8) {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            digits += String(hash, radix: 16, uppercase: true).leftPadded(to: 16)
        }
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(digits.dropFirst(range.lowerBound).prefix(range.count))
        }
        return "{" + parts.joined(separator: "-") + "}"
    }

    /// The file as Word embeds it (`.odttf`): its first 32 bytes XORed with the key's 16 bytes,
    /// taken from the GUID's last hexadecimal pair to its first.
    var obfuscated: Data { Self.obfuscated(data, key: key) }

    private static func obfuscated(_ data: Data, key: String) -> Data {
        let hex = Array(key.filter(\.isHexDigit))
        let keyBytes = (0..<16).map { index -> UInt8 in
            let pair = 30 - 2 * index
            return UInt8(String(hex[pair...pair + 1]), radix: 16) ?? 0
        }
        var bytes = data
        for index in 0..<min(32, bytes.count) {
            bytes[bytes.startIndex + index] ^= keyBytes[index % 16]
        }
        return bytes
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
