import Foundation
import Testing
@testable import Cadre

/// The ODT and DOCX documents collectivités amend before the vote: `--format` lists, the same
/// bytes for the same input, hostile values as text in well-formed XML, and — with the real
/// tools — LibreOffice opening and printing them, python-docx and odfdo reading back the text
/// of the HTML version with every heading in its named style.
@Suite(.serialized)
struct EditableDocumentTests {
    // MARK: --format

    @Test func formatTakesACommaListAllAndTheOldValues() {
        #expect(OutputFormat(parsing: "html") == .html)
        #expect(OutputFormat(parsing: "pdf") == .pdf)
        #expect(OutputFormat(parsing: "all") == [.html, .pdf, .odt, .docx])
        #expect(OutputFormat(parsing: "pdf,odt") == [.pdf, .odt])
        #expect(OutputFormat(parsing: "html, DOCX") == [.html, .docx])
        #expect(OutputFormat(parsing: "rtf") == nil)
        #expect(OutputFormat(parsing: "html,,") == .html)
        #expect(OutputFormat(parsing: "") == nil)
    }

    @Test func theCommandTakesAListAndRefusesAnUnknownFormatInFrench() throws {
        let project = try ScratchProject(fixture: "exemple")
        defer { project.remove() }
        let refused = try runProgram(CommandLineTests.executable, ["build", "guide", "--format", "html,rtf", "--root", project.root.path])
        #expect(refused.status == 2 && refused.stderr.contains("--format : « html,rtf » inconnu"), "\(refused.stderr)")
        let built = try runProgram(CommandLineTests.executable, ["build", "guide", "--format", "html,odt", "--root", project.root.path])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("guide/guide.odt").path))
        #expect(!FileManager.default.fileExists(atPath: project.output.appendingPathComponent("guide/guide.docx").path))
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("guide/index.html").path))
    }

    // MARK: Writers, node by node

    /// A chapter with the constructs a Markdown author writes, through both writers.
    static func written(_ markdown: String) throws -> (content: String, document: String, footnotes: String) {
        var document = DocumentReader.read(markdown)
        FrenchTypography.mark(&document)
        let editable = EditableDocument(title: "Essai", chapters: [EditableChapter(title: "Chapitre", number: 1, anchor: "chapitre", document: document)])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-ecrit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let odt = folder.appendingPathComponent("essai.odt"), docx = folder.appendingPathComponent("essai.docx")
        try ODTWriter().write(editable).write(to: odt)
        try DOCXWriter().write(editable).write(to: docx)
        return (try part(odt, "content.xml"), try part(docx, "word/document.xml"), try part(docx, "word/footnotes.xml"))
    }

    @Test func notesListsCodeAndLinksAreRealOnes() throws {
        let (content, document, footnotes) = try Self.written("""
        ## Section

        Un appel[^n] et un second[^n], un [lien](https://cites-unies-france.org) et un [piège](javascript:alert(1)), un <https://exemple.fr/café?a=1&b=2>.

        - [x] fait
        - [ ] à faire

        3. trois
        4. quatre

        ```
        a  b	c
        ```

        [^n]: La note.
        """)
        #expect(content.contains("<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">Section</text:h>"))
        #expect(document.contains("<w:pStyle w:val=\"Titre2\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Section</w:t></w:r>"))
        #expect(content.contains("<text:note text:id=\"note1\" text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"))
        #expect(content.contains("<text:note-ref text:note-class=\"footnote\" text:reference-format=\"text\" text:ref-name=\"note1\">1</text:note-ref>"))
        #expect(content.contains("xlink:href=\"https://cites-unies-france.org\"") && !content.contains("javascript"))
        #expect(content.contains("☑ fait") && content.contains("☐ à faire"))
        #expect(content.contains("<text:list-item text:start-value=\"3\">"))
        #expect(content.contains("a <text:s text:c=\"1\"/>b<text:tab/>c"))
        #expect(document.contains("<w:footnoteReference w:id=\"1\"/>") && footnotes.contains("<w:footnote w:id=\"1\">") && footnotes.contains("La note."))
        #expect(document.contains("<w:hyperlink r:id=\"rId100\"") && !document.contains("javascript"))
        #expect(content.contains("xlink:href=\"https://exemple.fr/café?a=1&amp;b=2\""))
        #expect(document.contains("<w:numId w:val=\"2\"/>") && document.contains("<w:tab/>"))
    }

    // MARK: Bytes and XML

    static func strategy(_ yaml: String, name: String = "commune", format: OutputFormat = [.odt, .docx]) async throws -> (ScratchProject, [Diagnostic]) {
        let project = try StrategyDocumentTests.project([name: yaml])
        let (outcome, diagnostics) = await StrategyDocumentTests.run(project, format: format)
        #expect(outcome.produced == [name], "\(diagnostics)")
        return (project, diagnostics)
    }

    /// A part of a zip package, through Debian's unzip.
    static func part(_ package: URL, _ path: String) throws -> String {
        // unzip reads names as patterns: `[Content_Types].xml` needs its brackets escaped.
        let pattern = path.replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
        let result = try runProgram(URL(fileURLWithPath: "/usr/bin/unzip"), ["-p", package.path, pattern])
        #expect(result.status == 0, "\(path) absent de \(package.lastPathComponent)")
        return result.stdout
    }

    @Test func theSameInputGivesTheSameBytes() async throws {
        let (project, _) = try await Self.strategy(StrategyDocumentTests.clean)
        defer { project.remove() }
        let folder = project.output.appendingPathComponent("strategies/commune")
        let first = try ["odt", "docx"].map { try Data(contentsOf: folder.appendingPathComponent("commune.\($0)")) }
        _ = await StrategyDocumentTests.run(project, format: [.odt, .docx])
        let second = try ["odt", "docx"].map { try Data(contentsOf: folder.appendingPathComponent("commune.\($0)")) }
        #expect(first == second)
        #expect(first.allSatisfy { $0.count > 10_000 })
        // The ODT's mimetype is its first entry, stored: readers identify the file by it.
        #expect(String(decoding: first[0][30..<(30 + 8 + 39)], as: UTF8.self) == "mimetypeapplication/vnd.oasis.opendocument.text")
    }

    @Test func hostileValuesGiveWellFormedXMLAndAppearAsText() async throws {
        let hostile = "<script>alert(1)</script> & ]]> 🌍 \"guillemets\" 'apostrophe'"
        let long = String(repeating: "Nom très long ", count: 358) + "fin"
        let yaml = StrategyDocumentTests.clean
            .replacingOccurrences(of: "  nom: Commune de Test", with: "  nom: \"\(hostile.replacingOccurrences(of: "\"", with: "\\\"")) \\x01\\x0B\\x1F contrôle\"")
            .replacingOccurrences(of: "  - nom: Comité de jumelage", with: "  - nom: '\(long)'")
            .replacingOccurrences(of: "    intitule: Un réseau est construit", with: "    intitule: '</w:t><w:t>]]> & <text:p>'")
        let (project, _) = try await Self.strategy(yaml, name: "hostile")
        defer { project.remove() }
        let folder = project.output.appendingPathComponent("strategies/hostile")
        let odt = folder.appendingPathComponent("hostile.odt"), docx = folder.appendingPathComponent("hostile.docx")
        for (package, parts) in [(odt, ["content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"]),
                                 (docx, ["word/document.xml", "word/styles.xml", "word/footnotes.xml", "word/header1.xml", "docProps/core.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"])] {
            for path in parts {
                let xml = try Self.part(package, path)
                let check = XMLCheck(xml)
                #expect(check.wellFormed, "\(package.lastPathComponent) \(path) : \(check.error ?? "")")
                #expect(!xml.contains("<script>") && !xml.contains("<text:p>'") && !xml.unicodeScalars.contains { $0.value == 1 || $0.value == 0x0B || $0.value == 0x1F })
            }
        }
        let content = try Self.part(odt, "content.xml"), document = try Self.part(docx, "word/document.xml")
        // Control characters are dropped; the typography pass has curled the apostrophes.
        for xml in [content, document] {
            #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ]]&gt; 🌍 &quot;guillemets&quot; ’apostrophe’  contrôle"))
            #expect(xml.contains(long))
            #expect(xml.contains("&lt;/w:t&gt;&lt;w:t&gt;]]&gt; &amp; &lt;text:p&gt;"))
        }
        #expect(try Self.part(odt, "meta.xml").contains("<dc:language>fr-FR</dc:language>"))
        #expect(try Self.part(docx, "word/styles.xml").contains("<w:lang w:val=\"fr-FR\""))
    }

    // MARK: Real word processors and readers

    static let libreOffice = URL(fileURLWithPath: "/usr/bin/soffice")
    static let readback = Repository.root.appendingPathComponent(".venv-tests/bin/python")

    /// LibreOffice prints `file` to PDF; its page count.
    static func libreOfficePages(_ file: URL) throws -> Int {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cadre-lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // A profile of its own: no lock shared with a LibreOffice the user has open.
        let result = try runProgram(libreOffice, ["-env:UserInstallation=file://\(folder.path)/profil", "--headless", "--convert-to", "pdf", "--outdir", folder.path, file.path])
        let pdf = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + ".pdf")
        #expect(result.status == 0 && FileManager.default.fileExists(atPath: pdf.path), "LibreOffice n'a pas converti \(file.lastPathComponent) : \(result.stderr)")
        return try pages(pdf)
    }

    static func pages(_ pdf: URL) throws -> Int {
        let info = try poppler("pdfinfo", pdf.path)
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }

    /// LibreOffice prints both documents within 30 % of cadre's own page count (a page for a
    /// document of one or two); python-docx and
    /// odfdo read back the HTML version's text, every heading in its named style.
    static func checkEditable(html: URL, pdf: URL, odt: URL, docx: URL) throws {
        let expected = try pages(pdf)
        #expect(expected > 0)
        for file in [odt, docx] {
            let found = try libreOfficePages(file)
            #expect(abs(Double(found - expected)) <= max(1, 0.3 * Double(expected)), "\(file.lastPathComponent) : \(found) pages, cadre : \(expected)")
        }
        try readBack(html: html, odt: odt, docx: docx)
    }

    /// python-docx and odfdo read back the HTML version's text, every heading in its named style.
    static func readBack(html: URL, odt: URL, docx: URL) throws {
        let script = Repository.root.appendingPathComponent("Tests/Python/editable_readback.py")
        let result = try runProgram(readback, [script.path, html.path, odt.path, docx.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }

    /// The plaquette is a four-page leaflet in print; as a word-processor document each chapter
    /// starts a page, so only its text is compared.
    @Test func thePlaquetteReadsLikeItsHTML() async throws {
        let project = try ScratchProject(repositoryContent: ["data", "plaquette"])
        defer { project.remove() }
        let (outcome, diagnostics) = await project.build(publications: ["plaquette"], format: [.html, .odt, .docx])
        #expect(outcome.succeeded, "\(diagnostics)")
        let folder = project.output.appendingPathComponent("plaquette")
        try Self.readBack(html: folder.appendingPathComponent("impression.html"), odt: folder.appendingPathComponent("plaquette.odt"), docx: folder.appendingPathComponent("plaquette.docx"))
    }

    @Test func aStrategyDocumentOpensInLibreOfficeAndReadsLikeItsHTML() async throws {
        let (project, _) = try await Self.strategy(StrategyDocumentTests.clean, format: .all)
        defer { project.remove() }
        let folder = project.output.appendingPathComponent("strategies/commune")
        try Self.checkEditable(html: folder.appendingPathComponent("index.html"), pdf: folder.appendingPathComponent("commune.pdf"),
                               odt: folder.appendingPathComponent("commune.odt"), docx: folder.appendingPathComponent("commune.docx"))
    }

    @Test func theGuideOpensInLibreOfficeAndReadsLikeItsHTML() async throws {
        let project = try ScratchProject(repositoryContent: ["data", "guide"])
        defer { project.remove() }
        let (outcome, diagnostics) = await project.build(publications: ["guide"], format: .all, jobs: 2)
        #expect(outcome.succeeded, "\(diagnostics)")
        let folder = project.output.appendingPathComponent("guide")
        try Self.checkEditable(html: folder.appendingPathComponent("impression.html"), pdf: folder.appendingPathComponent("guide.pdf"),
                               odt: folder.appendingPathComponent("guide.odt"), docx: folder.appendingPathComponent("guide.docx"))
    }

    // MARK: The draft délibération

    @Test func theDraftDeliberationIsWordedFromTheDataInEveryFormat() async throws {
        let (project, _) = try await Self.strategy(StrategyDocumentTests.clean, format: .all)
        defer { project.remove() }
        let folder = project.output.appendingPathComponent("strategies/commune")
        let html = try project.read("Output/strategies/commune/deliberation.html")
        let text = html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).replacingOccurrences(of: "\u{202F}", with: " ").replacingOccurrences(of: "\u{00A0}", with: " ")
        for passage in ["Séance du mars 2027", "Le conseil municipal,", "Vu le code général des collectivités territoriales, notamment ses articles L. 1115-1 à L. 1115-7",
                        "Vu la loi du 9 février 2005, dite loi Oudin-Santini (1 % eau et assainissement) ;", "Contribuer à l’accès à l’eau.", "DÉCIDE :", "Article 1er",
                        "pour la mandature 2026-2032, annexée à la présente délibération", "avec Commune partenaire", "1 % eau (Dispositif 1 %), 40 000 € ; Projet FICOL, 400 000 €",
                        "soit 50 000 € sur un total de 490 000 €", "une évaluation à mi-parcours en juin 2029 et à une évaluation finale en janvier 2032", "Le maire,"] {
            #expect(text.contains(passage), "la délibération ne dit pas « \(passage) »")
        }
        try Self.checkEditable(html: folder.appendingPathComponent("deliberation.html"), pdf: folder.appendingPathComponent("commune-deliberation.pdf"),
                               odt: folder.appendingPathComponent("commune-deliberation.odt"), docx: folder.appendingPathComponent("commune-deliberation.docx"))
    }

    @Test func theDeliberationSaysNothingTheDataDoesNotSay() async throws {
        let yaml = StrategyDocumentTests.clean
            .replacingOccurrences(of: "evaluations:\n  mi_parcours: 2029-06\n  finale: 2032-01\n", with: "")
            .replacingOccurrences(of: "deliberation: 2027-03\n", with: "")
        let (project, _) = try await Self.strategy(yaml, format: .html)
        defer { project.remove() }
        let html = try project.read("Output/strategies/commune/deliberation.html")
        #expect(!html.contains("évaluation à mi-parcours") && !html.contains("2029"))
        #expect(html.contains("Séance du …") && html.contains("Fait et délibéré le …"))
    }
}
