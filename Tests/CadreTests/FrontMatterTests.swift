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

    @Test func aFenceMayHaveBlanksAroundItButNothingElse() throws {
        // Spaces, a tab, a no-break space (U+00A0) around `---` still make a fence.
        let split = try #require(FrontMatterSplit("---  \ntitre: « Été »\n\t---\u{A0}\nTexte.\n"))
        #expect(split.yaml == "titre: « Été »")
        #expect(split.body == "Texte.\n")
        #expect(FrontMatterSplit("----\ntitre: A\n---\n") == nil)
        #expect(FrontMatterSplit("--- x\ntitre: A\n---\n") == nil)
        // `---x` inside the block is a YAML line, not the end of the block.
        #expect(try #require(FrontMatterSplit("---\na: 1\n---x\n---\nB\n")).yaml == "a: 1\n---x")
    }

    @Test func rejectsAnUnclosedOrMissingFrontMatter() {
        #expect(FrontMatterSplit("---\ntitre: A\n\nTexte.\n") == nil)
        #expect(FrontMatterSplit("Texte sans en-tête.\n") == nil)
    }
}
