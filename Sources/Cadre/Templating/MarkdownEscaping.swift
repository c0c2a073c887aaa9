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
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
