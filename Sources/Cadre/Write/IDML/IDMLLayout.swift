/// The pages of the IDML document: A4 (or the print stylesheet's size) with the print
/// margins and the bleed of `publication.yml`, and where each chapter's threaded frames go —
/// on the pages its text takes in the proof PDF, so that the layout provider starts from the
/// proof's page breaks.
struct IDMLLayout: Equatable {
    /// Page size, in points.
    var width = 595.276
    var height = 841.89
    /// Margins in points: top, inside (left on a right-hand page), bottom, outside.
    var top = 48.189, inside = 45.354, bottom = 51.024, outside = 45.354
    /// Bleed around the trimmed page, in points.
    var bleed = 0.0
    /// How many pages: the proof's.
    var pages: Int
    /// The first page of each chapter (1-based), in reading order.
    var starts: [Int]

    static func points(millimetres: Double) -> Double { millimetres * 72 / 25.4 }

    /// One text frame: its page (1-based) and its rectangle in the page's coordinates.
    struct Frame: Equatable {
        var page: Int
        var chapter: Int
        var x: Double, y: Double, width: Double, height: Double
    }

    /// The frames of every chapter, page by page; chapters that share a page share its text
    /// area, one above the other.
    var frames: [Frame] {
        var frames: [Frame] = []
        let count = starts.count
        guard count > 0 else { return [] }
        for page in 1...max(pages, 1) {
            let here = (0..<count).filter { index in
                let start = starts[index]
                let end = index + 1 < count ? max(start, starts[index + 1] - 1) : max(start, pages)
                return start <= page && page <= end
            }
            guard !here.isEmpty else { continue }
            let areaHeight = height - top - bottom
            let share = areaHeight / Double(here.count)
            for (slot, chapter) in here.enumerated() {
                frames.append(Frame(page: page, chapter: chapter, x: inside, y: top + share * Double(slot), width: width - inside - outside, height: share))
            }
        }
        return frames
    }

    /// Chapter starts from the proof's page counts (`pagination.json`: the pages each chapter
    /// takes, in order) or, when the proof does not say, one chapter per page after the first.
    static func starts(pages: Int, chapterPages: [Int]?, chapters: Int) -> [Int] {
        if let chapterPages, chapterPages.count == chapters {
            var start = pages + 1 - chapterPages.reduce(0, +)
            return chapterPages.map { count in
                defer { start += count }
                return max(1, min(start, pages))
            }
        }
        return (0..<chapters).map { min(pages, $0 + 1) }
    }
}
