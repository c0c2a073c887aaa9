import Testing
@testable import Cadre

/// Splitting a chapter file into its front matter and its body.
struct FrontMatterTests {
    @Test func splitsFrontMatterFromBody() throws {
        let split = try #require(FrontMatterSplit("---\ntitre: A\n---\n\nTexte.\n"))
        #expect(split.yaml == "titre: A")
        #expect(split.body == "\nTexte.\n")
        #expect(split.bodyLine == 4)
    }

    @Test func acceptsAClosingFenceWithoutFinalNewline() throws {
        let split = try #require(FrontMatterSplit("---\ntitre: A\n---"))
        #expect(split.yaml == "titre: A")
        #expect(split.body == "")
    }

    @Test func rejectsAnUnclosedOrMissingFrontMatter() {
        #expect(FrontMatterSplit("---\ntitre: A\n\nTexte.\n") == nil)
        #expect(FrontMatterSplit("Texte sans en-tête.\n") == nil)
    }
}
