import Testing
@testable import Cadre

struct SlugTests {
    @Test(arguments: [
        ("Élaborer une stratégie", "elaborer-une-strategie"),
        ("Le diagnostic AFOM (SWOT)", "le-diagnostic-afom-swot"),
        ("Œuvrer à l’international : pourquoi ?", "oeuvrer-a-l-international-pourquoi"),
        ("Dispositif 1 %", "dispositif-1"),
        ("???", "section"),
        // Every accented letter of French, and letters of other languages (folded by Foundation).
        ("À la fête de Noël, où Ÿ, Æ et ç se croisent : Ï, Û, Ô", "a-la-fete-de-noel-ou-y-ae-et-c-se-croisent-i-u-o"),
        ("Kraków et Åland « jumelées »", "krakow-et-aland-jumelees"),
    ])
    func foldsAccentsAndPunctuation(title: String, slug: String) {
        #expect(Slugger.slug(title) == slug)
    }

    @Test func makesSlugsUniqueWithinAPublication() {
        var slugger = Slugger()
        slugger.reserve("objectifs")
        #expect(slugger.unique("Objectifs") == "objectifs-2")
        #expect(slugger.unique("Objectifs") == "objectifs-3")
        #expect(slugger.unique("Moyens") == "moyens")
    }
}
