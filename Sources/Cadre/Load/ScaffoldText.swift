/// What `cadre new` takes from the command line, made safe to write into a file that
/// `cadre check` accepts: a title on one line, without control characters, and a file name
/// that the loaders' rules allow.
enum ScaffoldText {
    /// The text on one line: line breaks and tabs become spaces, characters YAML refuses
    /// (control characters, non-characters) are dropped, runs of spaces are collapsed.
    static func oneLine(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x85, 0x2028, 0x2029: result.append(" ")
            case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
                if scalar.value == 0xFEFF || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) { continue }
                result.append(scalar)
            default: continue
            }
        }
        return String(result).split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// The text as a double-quoted YAML string.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A file name part made of `a-z`, `0-9` and hyphens, at most 60 characters, cut at a
    /// hyphen; `fallback` when the title has no letter or digit to make one from.
    static func fileSlug(_ title: String, fallback: String) -> String {
        var slug = Slugger.slug(title)
        slug = String(slug.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        slug = slug.split(separator: "-").joined(separator: "-")
        if slug.count > 60 {
            let cut = slug.prefix(60)
            slug = String(cut.lastIndex(of: "-").map { cut[..<$0] } ?? cut)
        }
        return slug.isEmpty ? fallback : slug
    }

    /// Whether `name` can only mean a folder of `Content/`: no path separator, not hidden.
    static func isFolderName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.hasPrefix(".") && name == oneLine(name)
    }
}
