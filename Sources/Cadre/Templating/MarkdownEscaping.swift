import Mustache

/// Escapes a value so that, inserted into Markdown, it reads as the same plain text:
/// every ASCII punctuation character gets a backslash (CommonMark makes it literal) and line
/// breaks become spaces, so a value can neither start a block nor open a link or an emphasis.
public struct MarkdownContentType: MustacheContentType {
    public init() {}

    public func escapeText(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t":
                result.unicodeScalars.append(" ")
            case "!"..."/", ":"..."@", "["..."`", "{"..."~":
                result.unicodeScalars.append("\\")
                result.unicodeScalars.append(scalar)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static let name = "MARKDOWN"

    /// Registers the content type with swift-mustache once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: name)
        return true
    }()
}

extension String {
    /// The text escaped for HTML element content and double-quoted attributes.
    public var htmlEscaped: String {
        // Most texts have nothing to escape: give them back as they are.
        guard utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 38: bytes += Array("&amp;".utf8)
            case 60: bytes += Array("&lt;".utf8)
            case 62: bytes += Array("&gt;".utf8)
            case 34: bytes += Array("&quot;".utf8)
            case 39: bytes += Array("&#39;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
