/// A chapter cut, at line ends outside any section, into pieces of a few kilobytes that
/// Mustache renders one by one. swift-mustache's parser measures the rest of its text at
/// every `{` (a `String.distance`), so one big template costs the square of its size; pieces
/// cut between whole lines render exactly as the whole would (a tag alone on its line is
/// recognised within its line), and the chapter costs the sum of its pieces.
struct ChapterChunks: Sequence {
    /// A piece of the text and the line of the text where it starts (1-based).
    struct Chunk {
        var text: Substring
        var line: Int
    }

    /// Pieces are cut at the first line end outside sections after this many bytes.
    static let targetSize = 4_096

    private let chunks: [Chunk]

    init(_ text: String) {
        var chunks: [Chunk] = []
        let bytes = text.utf8
        var chunkStart = bytes.startIndex
        var chunkLine = 1
        var line = 1
        var depth = 0
        var insideTag = false
        var index = bytes.startIndex
        let brace = UInt8(ascii: "{"), closing = UInt8(ascii: "}"), newline = UInt8(ascii: "\n")
        while index < bytes.endIndex {
            let byte = bytes[index]
            let next = bytes.index(after: index)
            let following = next < bytes.endIndex ? bytes[next] : 0
            if !insideTag, byte == brace, following == brace {
                insideTag = true
                let sigilIndex = bytes.index(after: next)
                if sigilIndex < bytes.endIndex {
                    switch bytes[sigilIndex] {
                    case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "$"), UInt8(ascii: "<"): depth += 1
                    case UInt8(ascii: "/"): depth = Swift.max(0, depth - 1)
                    default: break
                    }
                }
                index = sigilIndex
                continue
            }
            if insideTag, byte == closing, following == closing {
                insideTag = false
                index = bytes.index(after: next)
                continue
            }
            if byte == newline {
                line += 1
                if depth == 0, !insideTag, bytes.distance(from: chunkStart, to: next) >= Self.targetSize {
                    chunks.append(Chunk(text: text[chunkStart..<next], line: chunkLine))
                    chunkStart = next
                    chunkLine = line
                }
            }
            index = next
        }
        if chunkStart < bytes.endIndex || chunks.isEmpty {
            chunks.append(Chunk(text: text[chunkStart...], line: chunkLine))
        }
        self.chunks = chunks
    }

    func makeIterator() -> IndexingIterator<[Chunk]> { chunks.makeIterator() }
}
