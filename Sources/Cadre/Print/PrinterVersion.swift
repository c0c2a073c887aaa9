import Foundation

/// What the printer's version of a publication (`impression: norme: pdf/x-4`) adds to its print
/// page: the bleed the pages are laid out with, the charter's colours in CMYK, and the finish
/// the worker gives the PDF (slug, crop and bleed marks, output intent; `pdf_structure.py`).
struct PrinterVersion {
    /// Room around the bleed for the crop and bleed marks, in millimetres. The marks start 1 mm
    /// outside the bleed, so that a 3 mm bleed never hides or trims them.
    static let slug = 10.0
    /// The style sheet of the printer's colours, read after the publication's own.
    static let colourSheet = "print/imprimeur.css"

    let settings: PrintSettings
    /// The project's `Templates/` folder.
    let templates: URL

    /// The style sheets (CSS text) added to the print page: the bleed, and for PDF/X the
    /// charter in `device-cmyk()` (`Templates/print/imprimeur.css`, when the project has one).
    var css: [String] {
        var sheets: [String] = []
        let bleed = settings.fondPerdu ?? 0
        if bleed > 0 || settings.traitsDeCoupe == true {
            let millimetres = bleed.rounded() == bleed ? String(Int(bleed)) : String(bleed)
            // The marks are drawn by the worker in the slug, which WeasyPrint does not make:
            // its own would sit inside the bleed, under the backgrounds that fill it.
            let marks = settings.norme == .pdfX4 ? "none" : (settings.traitsDeCoupe == true ? "crop" : "none")
            sheets.append("@page { bleed: \(millimetres)mm; marks: \(marks); }")
        }
        if settings.norme == .pdfX4,
           let colours = try? String(contentsOf: templates.appendingPathComponent(Self.colourSheet), encoding: .utf8) {
            sheets.append(colours)
        }
        return sheets
    }

    /// The worker's finish of the PDF/X: nil for another standard.
    var prepress: Prepress? {
        guard settings.norme == .pdfX4 else { return nil }
        return Prepress(bleed: settings.fondPerdu ?? 0, slug: Self.slug, marks: settings.traitsDeCoupe == true)
    }
}

/// The prepress finish of a PDF/X, in millimetres (see `prepare_for_print` in `pdf_structure.py`).
struct Prepress: Codable, Sendable, Equatable {
    /// Bleed around the trimmed page: the BleedBox.
    var bleed: Double
    /// Slug around the bleed: the MediaBox, where the marks are.
    var slug: Double
    /// Whether crop and bleed marks are drawn.
    var marks: Bool
}
