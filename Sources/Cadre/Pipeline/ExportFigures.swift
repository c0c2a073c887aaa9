import Foundation

/// The schemas and charts of a publication as the layout provider gets them: each `Graphic`
/// of the chapters, named after its figure's id, as SVG and as vector PDF drawn by Debian's
/// `rsvg-convert` (librsvg2-bin). cadre never draws a PDF itself.
struct ExportFigures {
    /// One schema: its file name (without extension), its chapter, its title and its files.
    struct Figure {
        var name: String
        var chapter: Int
        var title: String
        var svg: Data
        var pdf: Data
    }

    private(set) var figures: [Figure] = []
    /// The file name of each schema, keyed by its SVG (the writers look schemas up by it).
    private(set) var names: [String: String] = [:]

    /// Every schema of `chapters`, in reading order; a schema that cannot be named or drawn is
    /// an error at its chapter (at the line that names it when the source names it).
    static func collect(_ chapters: [EditableChapter], sources: [Chapter], settings: SourceLocation, into sink: DiagnosticSink) -> ExportFigures {
        var result = ExportFigures()
        let converter = Rasterizer.locate()
        if converter == nil, chapters.contains(where: { !graphics(in: $0.document.blocks).isEmpty }) {
            sink.report(settings.error("rsvg-convert est introuvable : les schémas ne peuvent pas être écrits en PDF vectoriel", hint: "installez le paquet Debian librsvg2-bin (scripts/setup s'en charge)"))
            return result
        }
        var taken: Set<String> = []
        for (index, chapter) in chapters.enumerated() {
            let source = index < sources.count ? ChapterSource(chapter: sources[index]) : nil
            for (graphic, figureID) in graphics(in: chapter.document.blocks) {
                let svg = graphic.svg()
                guard result.names[svg] == nil else { continue }
                let location = source.map { $0.location(of: figureID ?? graphic.identifier, near: 1) } ?? settings
                let base = safeName(figureID ?? graphic.identifier)
                guard !base.isEmpty else {
                    sink.report(location.error("un schéma du chapitre « \(chapter.title) » n'a pas d'identifiant : son fichier ne peut pas être nommé", hint: "donnez un identifiant à la figure (id) dans le composant qui la dessine"))
                    continue
                }
                var name = base, suffix = 2
                while taken.contains(name) { name = "\(base)-\(suffix)"; suffix += 1 }
                taken.insert(name)
                guard let converter, let pdf = converter.pdf(svg) else {
                    sink.report(location.error("le schéma « \(name) » n'a pas pu être converti en PDF par rsvg-convert", hint: "vérifiez que son SVG s'ouvre dans un navigateur ; signalez-le avec le chapitre qui le dessine"))
                    continue
                }
                result.names[svg] = name
                result.figures.append(Figure(name: name, chapter: index, title: graphic.title, svg: Data(svg.utf8), pdf: pdf))
            }
        }
        return result
    }

    /// The graphics of `blocks` in reading order, each with the id of the figure that frames it.
    static func graphics(in blocks: [Block], figure: String? = nil) -> [(any Graphic, String?)] {
        var found: [(any Graphic, String?)] = []
        for block in blocks {
            switch block {
            case .graphic(let graphic): found.append((graphic, figure))
            case .figure(let frame): found += graphics(in: frame.content, figure: frame.attributes.id ?? figure)
            case .callout(let callout): found += graphics(in: callout.blocks)
            case .quote(let children): found += graphics(in: children)
            case .list(let list): for item in list.items { found += graphics(in: item.blocks) }
            default: break
            }
        }
        return found
    }

    /// Letters, digits, `-` and `_` only: a file name every system and InDesign accept.
    static func safeName(_ id: String) -> String {
        String(id.unicodeScalars.filter { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }.map(Character.init))
    }
}
