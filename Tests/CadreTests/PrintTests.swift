import Foundation
import Testing
@testable import Cadre

/// PDFs made by the real WeasyPrint worker, inspected with poppler-utils as a printer would.
@Suite(.serialized)
struct PrintTests {
    /// A 2-chapter leaflet for the printer: PDF/X-4 with 3 mm bleed and crop marks, plus a screen version.
    static func addLeaflet(to project: ScratchProject, exactPages: Int = 2) throws {
        try project.write("Content/depliant/publication.yml", """
            titre: Dépliant d'essai
            langue: fr
            date: "2021-06"
            pages_exactes: \(exactPages)
            impression:
              norme: pdf/x-4
              fond_perdu: 3
              traits_de_coupe: true
              version_ecran: true
            """)
        try project.write("Content/depliant/01-recto.md", "---\ntitre: Recto\n---\n\nPourquoi agir ? Parce que « l'international » compte.\n")
        try project.write("Content/depliant/02-verso.md", "---\ntitre: Verso\n---\n\nQui peut aider : les réseaux.\n")
        // Its own print layout (Templates/print/<publication>.mustache): no cover, one page per chapter.
        try project.write("Templates/print/depliant.mustache", """
            <!DOCTYPE html>
            <html lang="{{publication.langue}}"><head><meta charset="utf-8"><title>{{publication.titre}}</title>
            <style>section + section { break-before: page; }</style></head>
            <body>{{#chapitres}}<section id="{{ancre}}"><h1>{{titre}}</h1>{{{contenu}}}</section>{{/chapitres}}</body></html>
            """)
    }

    /// Everything a PDF says, its compressed streams inflated (object streams hold the catalog).
    static func inflated(_ pdf: String) throws -> String {
        let script = """
            import re, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            parts = [data]
            for stream in re.finditer(rb'stream\\r?\\n(.*?)endstream', data, re.S):
                try: parts.append(zlib.decompress(stream.group(1)))
                except zlib.error: pass
            sys.stdout.write(b'\\n'.join(parts).decode('latin-1'))
            """
        return try runProgram(Repository.root.appendingPathComponent(".venv/bin/python3"), ["-c", script, pdf]).stdout
    }

    @Test func theGuideIsATaggedPDFInFrenchWithEveryFontEmbedded() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let (outcome, diagnostics) = await project.build(format: .pdf)
        #expect(outcome.succeeded, "\(diagnostics)")
        let pdf = project.output.appendingPathComponent("guide/guide.pdf").path
        let info = try poppler("pdfinfo", pdf)
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("Title:           Comment élaborer une stratégie d’action internationale"))
        #expect(info.contains("CreationDate:    Fri Jan  1 00:00:00 2021"))
        let structure = try poppler("pdfinfo", "-struct", pdf)
        #expect(structure.contains("Document") && structure.contains("H1"), "structure tree: \(structure.prefix(300))")
        let objects = try Self.inflated(pdf)
        #expect(objects.contains("/Lang (fr-FR)"))
        #expect(objects.contains("/Outlines"), "bookmarks from the headings")
        let fonts = try poppler("pdffonts", pdf).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts {
            // Columns: name type encoding emb sub uni object ID; "emb" must be "yes".
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            #expect(columns.count >= 7 && columns[columns.count - 5] == "yes", "font not embedded: \(font)")
        }
    }

    @Test func theTextLayerKeepsFrenchTypography() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try project.write("Content/guide/05-typographie.md", "---\ntitre: Typographie\n---\n\nQuelles forces ? Une population de 45387 habitants. Note : voir plus loin.\n")
        let (outcome, diagnostics) = await project.build(format: .pdf)
        #expect(outcome.succeeded, "\(diagnostics)")
        let pdf = project.output.appendingPathComponent("guide/guide.pdf").path
        let text = try poppler("pdftotext", "-enc", "UTF-8", pdf, "-")
        #expect(text.contains("forces ?") && text.contains("45 387"), "spaced and grouped: \(text)")
        // pdftotext (poppler 22) prints every Unicode space as U+0020, so read what a copy-paste
        // gives: the fonts' ToUnicode maps, where the narrow and the plain no-break spaces must be.
        let objects = try Self.inflated(pdf)
        #expect(objects.range(of: #"<[0-9a-f]{4}> <202f>"#, options: .regularExpression) != nil, "U+202F in the text layer")
        #expect(objects.range(of: #"<[0-9a-f]{4}> <00a0>"#, options: .regularExpression) != nil, "U+00A0 in the text layer")
    }

    @Test func theLeafletHasBleedAndTrimBoxesAndAScreenVersionWithout() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try Self.addLeaflet(to: project)
        let (outcome, diagnostics) = await project.build(publications: ["depliant"], format: .pdf)
        #expect(outcome.succeeded)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let boxes = try poppler("pdfinfo", "-box", project.output.appendingPathComponent("depliant/depliant.pdf").path)
        #expect(boxes.contains("TrimBox:             0.00     0.00   595.28   841.89"))
        #expect(boxes.contains("BleedBox:           -8.50    -8.50   603.78   850.39"), "3 mm = 8.5 pt of bleed on each side: \(boxes)")
        #expect(boxes.contains("MediaBox:          -36.85   -36.85   632.13   878.74"), "10 mm of slug for the marks, around the bleed: \(boxes)")
        let screen = try poppler("pdfinfo", "-box", project.output.appendingPathComponent("depliant/depliant-ecran.pdf").path)
        #expect(screen.contains("MediaBox:            0.00     0.00   595.28   841.89"))
        #expect(screen.contains("Tagged:          yes"))
        let printer = try poppler("pdfinfo", "-meta", project.output.appendingPathComponent("depliant/depliant.pdf").path)
        #expect(printer.contains("PDF/X-4"))
        let objects = try Self.inflated(project.output.appendingPathComponent("depliant/depliant.pdf").path)
        #expect(objects.contains("/S /GTS_PDFX") && objects.contains("/OutputConditionIdentifier (FOGRA39)"), "the printer's output intent")
    }

    @Test func thePrintersVersionIsLaidOutWithItsBleedAndTheCharterInCMYK() throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try project.write("Templates/print/imprimeur.css", ":root { --marine: device-cmyk(0.96 0.78 0 0.47); }\n")
        var settings = PrintSettings(norme: .pdfX4)
        settings.fondPerdu = 3
        settings.traitsDeCoupe = true
        let printer = PrinterVersion(settings: settings, templates: project.root.appendingPathComponent("Templates"))
        // WeasyPrint's own marks would sit inside the bleed: the worker draws them in the slug.
        #expect(printer.css == ["@page { bleed: 3mm; marks: none; }", ":root { --marine: device-cmyk(0.96 0.78 0 0.47); }\n"])
        #expect(printer.prepress == Prepress(bleed: 3, slug: 10, marks: true))
        #expect(PrinterVersion(settings: PrintSettings(norme: .pdfUA1), templates: project.root.appendingPathComponent("Templates")).prepress == nil)
    }

    @Test func aMissedPageCountIsReportedWithTheLongestChapters() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try Self.addLeaflet(to: project, exactPages: 4)
        let (outcome, diagnostics) = await project.build(publications: ["depliant"], format: .pdf)
        #expect(outcome.succeeded, "the PDF is still written, so the editor can see where to cut")
        let warning = try #require(diagnostics.first)
        #expect(warning.severity == .warning)
        #expect("\(warning.file):\(warning.line)" == "Content/depliant/publication.yml:4")
        #expect(warning.message.contains("2 pages imprimées au lieu de 4 exactement"))
        #expect(warning.message.contains("01-recto.md : 1 page"))
        let pagination = try project.read("Output/depliant/pagination.json")
        #expect(pagination.contains("\"pages\" : 2"))
    }

    @Test func twoBuildsGiveByteIdenticalPDFs() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try Self.addLeaflet(to: project)
        _ = await project.build(format: .pdf, jobs: 2)
        let first = try ["guide/guide.pdf", "depliant/depliant.pdf", "depliant/depliant-ecran.pdf"].map { try Data(contentsOf: project.output.appendingPathComponent($0)) }
        _ = await project.build(format: .pdf, jobs: 2)
        let second = try ["guide/guide.pdf", "depliant/depliant.pdf", "depliant/depliant-ecran.pdf"].map { try Data(contentsOf: project.output.appendingPathComponent($0)) }
        #expect(first == second)
    }

    /// A build lays the guide out once with the link pages its last build found; when they no
    /// longer hold (a chapter grew), the sommaire and the « (p. N) » still give the right pages.
    @Test func linkPagesFromTheLastBuildNeverChangeThePDF() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        _ = await project.build(publications: ["guide"], format: .pdf)
        let pdf = project.output.appendingPathComponent("guide/guide.pdf")
        let cold = try Data(contentsOf: pdf)
        let recorded = try JSONDecoder().decode(Pagination.self, from: Data(project.read("Output/guide/pagination.json").utf8))
        #expect(recorded.renvois?["organisation"] == 5 && recorded.renvois?["diagnostic"] == 4, "\(recorded)")

        var moved = recorded
        moved.renvois = recorded.renvois?.mapValues { $0 + 1 }
        try project.write("Output/guide/pagination.json", String(decoding: moved.data, as: UTF8.self))
        let (outcome, diagnostics) = await project.build(publications: ["guide"], format: .pdf)
        #expect(outcome.succeeded, "\(diagnostics)")
        #expect(try Data(contentsOf: pdf) == cold, "same bytes as a build without known pages")
        let text = try poppler("pdftotext", pdf.path, "-").replacingOccurrences(of: "\u{A0}", with: " ")
        #expect(text.contains("Retour au diagnostic (p. 4)"), "\(text)")
        #expect(try project.read("Output/guide/pagination.json") == String(decoding: recorded.data, as: UTF8.self))
    }

    /// `cadre serve`'s print preview: a second proof of the guide starts from the link pages of
    /// the first, and is the same PDF; a proof of one chapter alone (its links to the hidden
    /// chapters lead nowhere) does not take them.
    @Test func aSecondPrintPreviewIsTheSameProof() async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let rendering = try #require(await Preview(root: project.root).render([.publication("guide")])[.publication("guide")])
        let printer = try PreviewPrinter(engine: #require(PrintEngine.locate(root: Repository.root)))
        let first = await printer.print(publication: "guide", chapter: nil, files: rendering.files, root: project.root)
        let second = await printer.print(publication: "guide", chapter: nil, files: rendering.files, root: project.root)
        let chapter = await printer.print(publication: "guide", chapter: "organisation", files: rendering.files, root: project.root)
        await printer.stop()
        #expect(first.problem == nil && first.pages == 6, "\(String(describing: first.problem)) \(first.pages)")
        #expect(second.pdf == first.pdf)
        #expect(chapter.problem == nil && chapter.pages == 1, "\(String(describing: chapter.problem)) \(chapter.pages)")
    }

    @Test(arguments: ["file:///etc/passwd", "http://example.com/logo.png"])
    func aResourceOutsideTheProjectIsRefusedWithItsPlace(url: String) async throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        try project.write("Templates/assets/impression.css", "@import url(\"\(url)\");\nbody { font-family: \"DejaVu Serif\"; }\n")
        let (outcome, diagnostics) = await project.build(format: .pdf)
        #expect(outcome == .failed)
        let refusal = try #require(diagnostics.first { $0.message.contains(url) })
        #expect("\(refusal.file):\(refusal.line):\(refusal.column)" == "Templates/assets/impression.css:1:14")
        #expect(refusal.message.contains("hors du projet"))
        #expect(!FileManager.default.fileExists(atPath: project.output.appendingPathComponent("guide/guide.pdf").path))
    }
}
