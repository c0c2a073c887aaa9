import Foundation

/// A chart as a word processor embeds it: its SVG, a PNG rendered at 300 dpi for readers that
/// do not draw SVG, its size and its alternative text.
struct Picture: Sendable {
    /// The SVG, as the chart draws it.
    var svg: Data
    /// The PNG fallback; nil when `rsvg-convert` is missing (the SVG alone is embedded).
    var png: Data?
    /// Size in CSS pixels (96 per inch), from the SVG's `width` and `height`.
    var width: Double
    var height: Double
    /// What the chart shows: the alternative text.
    var title: String

    /// The widest a picture is shown: the text width of an A4 page with the print margins.
    static let maximumWidthCentimetres = 17.0

    /// Size on the page, in centimetres, scaled down to the text width.
    var centimetres: (width: Double, height: Double) {
        let width = self.width / 96 * 2.54, height = self.height / 96 * 2.54
        guard width > Self.maximumWidthCentimetres, width > 0 else { return (width, height) }
        return (Self.maximumWidthCentimetres, height * Self.maximumWidthCentimetres / width)
    }

    /// `width="…" height="…"` of the outermost `<svg>` (the charts always write both).
    static func size(of svg: String) -> (Double, Double) {
        guard let start = svg.range(of: "<svg"), let end = svg[start.upperBound...].firstIndex(of: ">") else { return (600, 400) }
        let tag = svg[start.upperBound..<end]
        func value(_ name: String) -> Double? {
            guard let range = tag.range(of: " \(name)=\"") else { return nil }
            let digits = tag[range.upperBound...].prefix { $0.isNumber || $0 == "." }
            return Double(digits)
        }
        return (value("width") ?? 600, value("height") ?? 400)
    }
}

/// The pictures of a document, each chart rendered once for both writers, keyed by its SVG.
struct PictureSet: Sendable {
    private(set) var pictures: [String: Picture] = [:]

    /// The picture drawn by `svg`.
    subscript(svg: String) -> Picture? { pictures[svg] }

    /// Renders every chart of `chapters`; `rasterizer` nil embeds SVG only.
    static func render(_ chapters: [EditableChapter], rasterizer: Rasterizer?) -> PictureSet {
        var set = PictureSet()
        for chapter in chapters {
            chapter.document.forEachBlock { block in
                guard case .graphic(let graphic) = block else { return }
                let svg = graphic.svg()
                guard set.pictures[svg] == nil else { return }
                let (width, height) = Picture.size(of: svg)
                set.pictures[svg] = Picture(svg: Data(svg.utf8), png: rasterizer?.png(svg), width: width, height: height, title: graphic.title)
            }
        }
        return set
    }
}
