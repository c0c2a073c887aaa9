import Mustache

/// Fills a chapter's Mustache tags from the data context, values escaped for Markdown.
enum ChapterExpansion {
    /// The expanded Markdown, or nil after reporting why it cannot be expanded. `template`
    /// is the chapter already parsed by `parse(_:)`, when it is expanded many times.
    static func expand(_ chapter: Chapter, context: [String: Any], template: MustacheTemplate? = nil, into sink: DiagnosticSink) -> String? {
        guard chapter.body.contains("{{") else { return chapter.body }
        let problems = TemplateCheck(allowsUnescaped: false).problems(in: chapter.body, context: context, file: chapter.path, lineOffset: chapter.bodyLine - 1)
        sink.report(problems)
        guard problems.isEmpty else { return nil }
        do {
            return try (template ?? parse(chapter)).render(context)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber + chapter.bodyLine - 1
            sink.report(SourceLocation(file: chapter.path, line: line, column: error.context.columnNumber).error("balise Mustache mal formée (\(error.error))", hint: "vérifiez que chaque {{#section}} est fermée par {{/section}} et que chaque balise se termine par }}"))
        } catch {
            sink.report(SourceLocation(file: chapter.path, line: chapter.bodyLine).error("balise Mustache mal formée (\(error))"))
        }
        return nil
    }

    /// The chapter as a Mustache template whose values are escaped for Markdown.
    static func parse(_ chapter: Chapter) throws -> MustacheTemplate {
        _ = MarkdownContentType.registered
        return try MustacheTemplate(string: "{{% CONTENT_TYPE: \(MarkdownContentType.name)}}" + chapter.body)
    }
}
