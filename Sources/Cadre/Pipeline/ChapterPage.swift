import Foundation

/// A chapter on its way through the pipeline: its document, its headings, then its HTML.
struct ChapterPage: Sendable {
    var chapter: Chapter
    var document: Document
    let source: ChapterSource
    var headings: [Anchor] = []

    init(chapter: Chapter, markdown: String) {
        self.chapter = chapter
        self.document = DocumentReader.read(markdown)
        self.source = ChapterSource(chapter: chapter)
    }
}

/// Turns positions in a chapter's (possibly expanded) Markdown into positions in its file.
struct ChapterSource: Sendable {
    let file: String
    let bodyLine: Int
    /// The body as written (before Mustache expansion, which may move lines): positions are found by content.
    let lines: [Substring]

    init(chapter: Chapter) {
        file = chapter.path
        bodyLine = chapter.bodyLine
        // Cut on bytes: a strategy batch does this for every chapter of every document.
        lines = chapter.body.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
    }

    /// The file position of a line of the parsed text.
    func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line + bodyLine - 1, column: column)
    }

    /// The file position of `snippet`, searched from the parsed line onwards, then from the top.
    func location(of snippet: String, near line: Int) -> SourceLocation {
        let start = max(0, min(line - 1, lines.count))
        for index in Array(start..<lines.count) + Array(0..<start) {
            if let range = lines[index].range(of: snippet) {
                let column = lines[index].unicodeScalars.distance(from: lines[index].startIndex, to: range.lowerBound) + 1
                return SourceLocation(file: file, line: index + bodyLine, column: column)
            }
        }
        return location(line: line)
    }
}
