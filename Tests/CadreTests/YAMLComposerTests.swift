import Foundation
import Testing
import Yams
@testable import Cadre

/// The event composer gives Yams' tree exactly (texts, styles, marks, tags), or leaves the text to Yams.
struct YAMLComposerTests {
    /// Same shape, same texts, same styles, same marks, same resolved tags.
    private func same(_ a: Node, _ b: Node) -> Bool {
        guard a == b, a.mark?.line == b.mark?.line, a.mark?.column == b.mark?.column else { return false }
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            return x.string == y.string && x.style == y.style
        case (.sequence(let x), .sequence(let y)):
            return x.style == y.style && x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            return x.style == y.style && x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default:
            return false
        }
    }

    private func composesLikeYams(_ text: String) -> Bool {
        guard case .composed(let node) = YAMLComposer.compose(text) else { return false }
        let yams = try? Yams.compose(yaml: text, .basic, .default, .utf8)
        switch (node, yams) {
        case (nil, nil): return true
        case (let node?, let yams?): return same(node, yams)
        default: return false
        }
    }

    @Test func givesYamsTreeForEveryKindOfValue() {
        let texts = [
            "",
            "# rien\n",
            "titre: Bonjour\nliste:\n  - un\n  - 'deux'\n  - \"trois\\u00e9\"\nvide:\nobjet: {a: 1, b: [x, y]}\n",
            "---\ntexte: |\n  ligne un\n  ligne deux\nplie: >\n  un\n  deux\n...\n",
            "- a\n- - b\n  - c\n- d: e\n  f: g\n",
            "nombre: 1_500_000\nbool: oui\nnul: ~\n",
            "seul",
            "\"a\": 1\n'b': 2\nc: 3\n",
            "clé avec accents: « guillemets » — tiret\n",
        ]
        for text in texts { #expect(composesLikeYams(text), "\(text)") }
    }

    @Test func givesYamsTreeForTheProjectFiles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folders = ["Content/data", "Content/collectivites", "Tests/CadreTests/Fixtures"]
        var count = 0
        for folder in folders {
            for file in FileLister.files(in: root.appendingPathComponent(folder), extensions: ["yml", "yaml"]) {
                let text = try String(contentsOf: file, encoding: .utf8)
                guard (try? Yams.compose(yaml: text, .basic, .default, .utf8)) != nil else { continue }
                #expect(composesLikeYams(text), "\(file.path)")
                count += 1
            }
        }
        #expect(count > 3)
    }

    @Test func leavesToYamsWhatItDoesNotHandle() {
        let texts = [
            "a: &x 1\nb: *x\n",            // anchors and aliases
            "a: !!str 1\n",                 // explicit tag
            "a: 1\na: 2\n",                 // repeated key
            "a: 1\n\"a\": 2\n",             // the same key, quoted
            "? [a, b]\n: c\n",              // a list as key
            "--- a\n--- b\n",               // two documents
            "a: [b\n",                      // syntax error
            "a: \"\\uFEFFb\"\n",            // a value starting with a byte order mark
        ]
        for text in texts {
            guard case .unhandled = YAMLComposer.compose(text) else {
                Issue.record("handled: \(text)")
                continue
            }
        }
    }

    @Test func reportsRepeatedKeysAsBefore() {
        let (value, diagnostics) = decodeYAML([String: Int].self, "a: 1\nb: 2\na: 3\n")
        #expect(value == nil)
        #expect(diagnostics.first?.message == "clé « a » en double dans cet objet")
    }
}
