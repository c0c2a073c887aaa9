import Testing
import Yams
@testable import CadreAtelier

/// What a user types lands in the collectivité's YAML file: it must read back as exactly the
/// text typed, whatever YAML would otherwise make of it.
struct StrategyTreeTests {
    static let hostile = [
        "true", "Non", "no", "~", "null", "", " ", "12", "1.5", "1e3", "0x1F", "2027-03-19", "2027-03", ".inf",
        "- puce", "? clé", ": deux-points", "a: b", "texte # pas un commentaire", "#début", "&ancre", "*alias", "!etiquette", "|", ">",
        "'apostrophe", "\"guillemets\"", "{ accolade", "[crochet", "%directive", "@arobase", "`accent", "fin:",
        "deux\nlignes", "tab\tulation", "retour\r", "nul\u{0}", "échappement \u{1B}[31m", "\u{2028}séparateur",
        "antislash \\ final\\", "  espaces autour  ", "Ville de Valmont–sur–Loire « 45 387 habitants »", "emoji 🌍",
    ]

    @Test(arguments: hostile)
    func typedTextReadsBackUnchanged(_ text: String) throws {
        let tree = StrategyTree.map([("vision", .scalar(text, typed: false)), ("valeurs", .list([.scalar(text, typed: false)]))])
        let yaml = tree.yaml
        let node = try #require(try Yams.compose(yaml: yaml), "le YAML écrit se relit : \(yaml)")
        #expect(node["vision"]?.string == text, "« \(text) » relu tel quel : \(yaml)")
        #expect(node["valeurs"]?.sequence?.first?.string == text)
        #expect(node["vision"]?.tag == Tag(.str), "« \(text) » reste du texte")
    }

    /// libyaml drops a byte-order mark even escaped: the form takes it out of what is typed.
    @Test func aByteOrderMarkPastedIntoAFieldIsDropped() {
        let tree = FormReader(values: ["vision": ["\u{FEFF}Une vision"]]).apply(Steps.elementsCles, to: .empty)
        #expect(tree.text(at: .key("vision")) == "Une vision")
    }

    @Test func keysTheFormAddsTakeTheGuidesOrderAndOthersKeepTheirPlace() {
        let start = StrategyTree.map([("note", .scalar("clé d'un fichier écrit à la main", typed: false)), ("collectivite", .map([("nom", .scalar("Valmont", typed: false))]))])
        let afterStep3 = FormReader(values: ["vision": ["Une vision"]]).apply(Steps.elementsCles, to: start)
        let afterStep1 = FormReader(values: ["deliberation": ["2027-03"]]).apply(Steps.portage, to: afterStep3)
        guard case .map(let pairs) = afterStep1 else { Issue.record("pas un objet"); return }
        // Required groups are written even empty: their fields are then reported missing, beside them.
        #expect(pairs.map(\.key) == ["note", "collectivite", "mandature", "deliberation", "portage", "vision", "objectifs_specifiques", "priorites_geographiques"])
    }

    @Test func numbersDatesAndBooleansStayTyped() throws {
        let tree = StrategyTree.map([("population", .scalar("45387", typed: true)), ("etp", .scalar("2.5", typed: true)),
                                     ("deliberation", .scalar("2027-03-19", typed: true)), ("mode_projet", .scalar("true", typed: true))])
        #expect(tree.yaml == "population: 45387\netp: 2.5\ndeliberation: 2027-03-19\nmode_projet: true\n")
    }

    @Test func theWrittenFileIsTheSameTreeAndTheSameBytesEachTime() throws {
        let text = try String(contentsOf: AtelierTests.repository.appendingPathComponent("Content/collectivites/valmont.yml"), encoding: .utf8)
        let tree = try #require(StrategyTree(yaml: text))
        #expect(StrategyTree(yaml: tree.yaml) == tree)
        #expect(StrategyTree(yaml: tree.yaml)?.yaml == tree.yaml)
    }
}
