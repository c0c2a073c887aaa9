import Mustache

/// Fills a chapter's Mustache tags from the data context, values escaped for Markdown.
enum ChapterExpansion {
    /// The expanded Markdown, or nil after reporting why it cannot be expanded. `template`
    /// is the chapter already parsed by `parse(_:)`, when it is expanded many times.
    static func expand(_ chapter: Chapter, context: [String: Any], template: MustacheTemplate? = nil, into sink: DiagnosticSink) -> String? {
        guard chapter.body.containsBytes("{{") else { return chapter.body }
        let problems = TemplateCheck(allowsUnescaped: false).problems(in: chapter.body, context: context, file: chapter.path, lineOffset: chapter.bodyLine - 1)
        sink.report(problems)
        guard problems.isEmpty else { return nil }
        if let template { return template.render(context) }
        // Piece by piece, so that the cost grows with the chapter's size (see `ChapterChunks`).
        var output = ""
        output.reserveCapacity(chapter.body.utf8.count + 64)
        for chunk in ChapterChunks(chapter.body) {
            var text = String(chunk.text)
            var firstLine = chunk.line
            guard text.containsBytes("{{") else {
                output += text
                continue
            }
            if let expanded = substituteVariables(text, context: context) {
                output += expanded
                continue
            }
            // The pragma that selects Markdown escaping goes before the piece: when the piece's first
            // line is blank, the pragma stands alone on it and Mustache removes that line, which
            // joined two paragraphs. The blank line is kept apart.
            if let end = text.utf8.firstIndex(of: UInt8(ascii: "\n")), text.utf8[..<end].allSatisfy({ $0 == 32 || $0 == 9 }) {
                output += text[...end]
                text = String(text[text.index(after: end)...])
                firstLine += 1
            }
            do {
                output += try MustacheTemplate.escaping(MarkdownContentType.self, text).render(context)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber + firstLine - 1 + chapter.bodyLine - 1
                // The pragma that selects Markdown escaping lengthens every piece's first line.
                sink.report(SourceLocation(file: chapter.path, line: line, column: error.column(escaping: MarkdownContentType.self)).error("balise Mustache mal formée (\(error.error))", hint: "vérifiez que chaque {{#section}} est fermée par {{/section}} et que chaque balise se termine par }}"))
                return nil
            } catch {
                sink.report(SourceLocation(file: chapter.path, line: chapter.bodyLine + firstLine - 1).error("balise Mustache mal formée (\(error))"))
                return nil
            }
        }
        return output
    }

    /// The fast path for the common chapter, whose only tags are `{{donnees.x.y}}` naming texts:
    /// the values are put in place directly, escaped for Markdown, as Mustache would. Nil when
    /// the text has anything else (sections, partials, a value that is not a text): Mustache
    /// then renders it.
    static func substituteVariables(_ body: String, context: [String: Any]) -> String? {
        let escaping = MarkdownContentType()
        var output = ""
        output.reserveCapacity(body.utf8.count + 64)
        // Braces are found in the UTF-8 bytes: Foundation's `range(of:)` went through NSString
        // and was a sixth of the HTML benchmark's time.
        let bytes = Array(body.utf8)
        var copied = 0
        var index = 0
        while let open = Self.find(UInt8(ascii: "{"), in: bytes, from: index) {
            guard let close = Self.find(UInt8(ascii: "}"), in: bytes, from: open + 2) else { return nil }
            let name = Self.trimmed(bytes[(open + 2)..<close])
            guard let first = name.first, first.isLetter else { return nil }
            var value: Any = context
            for part in name.split(separator: ".") {
                guard let object = value as? [String: Any], let child = object[String(part)] else { return nil }
                value = child
            }
            guard let text = value as? String else { return nil }
            output += String(decoding: bytes[copied..<open], as: UTF8.self)
            output += escaping.escapeText(text)
            copied = close + 2
            index = copied
        }
        output += String(decoding: bytes[copied...], as: UTF8.self)
        return output
    }

    /// The tag's name without the spaces around it. ASCII names (all of them, in practice) are
    /// trimmed on their bytes; Foundation's trimming, which also knows Unicode's spaces, went
    /// through NSString for every tag.
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        let start = bytes.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? bytes.endIndex
        let end = bytes[start...].lastIndex { $0 != 0x20 && $0 != 0x09 }.map { $0 + 1 } ?? start
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Where `brace` stands twice in a row in `bytes`, from `start`.
    private static func find(_ brace: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 1 < bytes.count {
            if bytes[index] == brace, bytes[index + 1] == brace { return index }
            index += 1
        }
        return nil
    }

    /// The chapter as a Mustache template whose values are escaped for Markdown.
    static func parse(_ chapter: Chapter) throws -> MustacheTemplate {
        return try MustacheTemplate.escaping(MarkdownContentType.self, chapter.body)
    }
}
