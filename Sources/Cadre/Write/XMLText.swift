/// Text and attribute values as they go into the XML of ODT, DOCX, ICML and IDML parts: the one
/// place those writers escape. Characters XML 1.0 forbids (control characters but tab and
/// line feeds, U+FFFE, U+FFFF) are dropped: a hostile value cannot make a part ill-formed.
enum XMLText {
    /// `text` escaped for element content and double-quoted attribute values.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Whether XML 1.0 allows `scalar` in a document.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x0..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || "&<>\"'".unicodeScalars.contains(scalar) || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }

    /// The XML declaration every part starts with.
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
}
