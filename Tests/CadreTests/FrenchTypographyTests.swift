import Testing
@testable import Cadre

/// The rules of French typography, case by case (U+202F narrow, U+00A0 no-break).
struct FrenchTypographyTests {
    @Test(arguments: [
        ("« Bonjour ! »", "«\u{202F}Bonjour\u{202F}!\u{202F}»"),
        ("«Bonjour»", "«\u{202F}Bonjour\u{202F}»"),
        ("Note : voir", "Note\u{00A0}: voir"),
        ("Note: voir", "Note\u{00A0}: voir"),
        ("Vraiment ? Oui ; enfin !", "Vraiment\u{202F}? Oui\u{202F}; enfin\u{202F}!"),
        ("45387 habitants", "45\u{202F}387 habitants"),
        ("1500000 €", "1\u{202F}500\u{202F}000\u{202F}€"),
        ("en 2021", "en 2021"),
        ("3,14159", "3,14159"),
        ("code 01234", "code 01234"),
        ("ODD17000", "ODD17000"),
        ("à 14:30", "à 14:30"),
        ("http://exemple.fr", "http://exemple.fr"),
        ("l'action", "l’action"),
        ("Quoi ?!", "Quoi\u{202F}?!"),
        ("30 % et 1,5 M€ ou 200 k€", "30\u{202F}% et 1,5\u{202F}M€ ou 200\u{202F}k€"),
        ("Mon % préféré", "Mon % préféré"),
        ("déjà\u{202F}!", "déjà\u{202F}!"),
        // Letters of more than one byte around the rules' characters.
        ("Où ?", "Où\u{202F}?"),
        ("é12345 ou 12345é", "é12345 ou 12345é"),
        ("Coût : 12345 €", "Coût\u{00A0}: 12\u{202F}345\u{202F}€"),
        ("«\u{00A0}déjà\u{00A0}»", "«\u{00A0}déjà\u{00A0}»"),
    ])
    func appliesRule(input: String, expected: String) {
        #expect(FrenchTypography.apply(input) == expected)
    }

    @Test func isIdempotent() {
        let once = FrenchTypography.apply("« Bonjour ! » Note : 45387 ; fin ?")
        #expect(FrenchTypography.apply(once) == once)
    }

    @Test func leavesCodeAndURLsAlone() {
        let html = renderMarkdown("Voir `45387 : x` et <https://exemple.fr/45387?a=1> ; 45387 !")
        #expect(html.contains("<code>45387 : x</code>"))
        #expect(html.contains("href=\"https://exemple.fr/45387?a=1\">https://exemple.fr/45387?a=1</a>"))
        #expect(html.contains("\u{202F}; 45\u{202F}387\u{202F}!"))
    }

    @Test func leavesCodeBlocksAlone() {
        let html = renderMarkdown("```\nNote : 45387 !\n```\n")
        #expect(html.contains("Note : 45387 !"))
    }

    @Test func spacesPunctuationAfterEmphasis() {
        #expect(renderMarkdown("C'est *vrai*!").contains("<em>vrai</em>\u{202F}!"))
    }
}
