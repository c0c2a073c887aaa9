import Testing
@testable import Cadre

struct SlugTests {
    @Test(arguments: [
        ("Élaborer une stratégie", "elaborer-une-strategie"),
        ("Le diagnostic AFOM (SWOT)", "le-diagnostic-afom-swot"),
        ("Œuvrer à l’international : pourquoi ?", "oeuvrer-a-l-international-pourquoi"),
        ("Dispositif 1 %", "dispositif-1"),
        ("???", "section"),
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
