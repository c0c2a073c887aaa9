import Testing
@testable import Cadre

@Test func placeholder() { #expect(Slugger.slug("Élaborer") == "elaborer") }
