import Mustache

/// Escapes a value so that, inserted into Markdown, it reads as the same plain text:
/// every ASCII punctuation character gets a backslash (CommonMark makes it literal) and line
/// breaks become spaces, so a value can neither start a block nor open a link or an emphasis.
public struct MarkdownContentType: NamedContentType {
    /// The content type (it has no settings).
    public init() {}

    /// `text` with the characters Markdown would read as markup escaped.
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
}

/// Escapes a value for HTML element content and double-quoted attributes, as layouts need.
/// swift-mustache's own HTML escaping looks every character up in a dictionary (slow on long
/// values), and leaves a `<` carrying a combining mark (`<\u{338}`, one Swift character)
/// unescaped although browsers read it as `<`. This one works on UTF-8 bytes.
struct HTMLContentType: NamedContentType {
    func escapeText(_ text: String) -> String { text.htmlEscaped }

    static let name = "CADRE_HTML"
}

/// A content type of cadre's, which swift-mustache finds by its name.
protocol NamedContentType: MustacheContentType {
    static var name: String { get }
    init()
}

extension MustacheTemplate {
    /// `text` as a template whose values `contentType` escapes: the content type is registered
    /// with swift-mustache, and the pragma naming it is put before the text, on its first line.
    static func escaping<C: NamedContentType>(_ contentType: C.Type, _ text: String) throws -> MustacheTemplate {
        MustacheContentTypes.register(C(), named: C.name)
        return try MustacheTemplate(string: pragma(C.name) + text)
    }

    fileprivate static func pragma(_ name: String) -> String { "{{% CONTENT_TYPE: \(name)}}" }
}

extension MustacheTemplate.ParserError {
    /// The column of the problem in the text as written (the pragma lengthens its first line).
    func column<C: NamedContentType>(escaping contentType: C.Type) -> Int {
        guard context.lineNumber == 1 else { return context.columnNumber }
        return max(1, context.columnNumber - MustacheTemplate.pragma(C.name).count)
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
