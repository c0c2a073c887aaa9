import Mustache

/// Escapes a value so that, inserted into Markdown, it reads as the same plain text:
/// every ASCII punctuation character gets a backslash (CommonMark makes it literal) and line
/// breaks become spaces, so a value can neither start a block nor open a link or an emphasis.
public struct MarkdownContentType: MustacheContentType {
    public init() {}

    public func escapeText(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        // Every character concerned is ASCII, and UTF-8 never uses ASCII bytes inside another character.
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "!")...UInt8(ascii: "/"), UInt8(ascii: ":")...UInt8(ascii: "@"), UInt8(ascii: "[")...UInt8(ascii: "`"), UInt8(ascii: "{")...UInt8(ascii: "~"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            default:
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static let name = "MARKDOWN"

    /// Registers the content type with swift-mustache once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(MarkdownContentType(), named: name)
        return true
    }()
}

/// Escapes a value for HTML element content and double-quoted attributes, as layouts need.
/// swift-mustache's own HTML escaping looks every character up in a dictionary (slow on long
/// values), and leaves a `<` carrying a combining mark (`<\u{338}`, one Swift character)
/// unescaped although browsers read it as `<`. This one works on UTF-8 bytes.
struct HTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { text.htmlEscaped }

    static let name = "CADRE_HTML"

    /// Registers the content type with swift-mustache once per process.
    static let registered: Bool = {
        MustacheContentTypes.register(HTMLContentType(), named: name)
        return true
    }()
}

extension MustacheTemplate {
    /// `text` as a template whose values the content type registered as `contentType` escapes:
    /// the pragma swift-mustache reads is put before the text, on its first line.
    static func escaping(_ contentType: String, _ text: String) throws -> MustacheTemplate {
        try MustacheTemplate(string: pragma(contentType) + text)
    }

    fileprivate static func pragma(_ contentType: String) -> String { "{{% CONTENT_TYPE: \(contentType)}}" }
}

extension MustacheTemplate.ParserError {
    /// The column of the problem in the text as written (the pragma lengthens its first line).
    func column(escaping contentType: String) -> Int {
        guard context.lineNumber == 1 else { return context.columnNumber }
        return max(1, context.columnNumber - MustacheTemplate.pragma(contentType).count)
    }
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
