/// An acronym and what it stands for, from `Content/data/acronymes.yml`.
public struct Acronym: Decodable, Sendable, Hashable {
    /// The acronym as written (`DAECT`).
    public var sigle: String
    /// What it stands for.
    public var definition: String

    enum CodingKeys: String, CodingKey, CaseIterable {
        case sigle, definition
    }
}

/// The layout of `acronymes.yml`.
struct AcronymList: Decodable {
    var acronymes: [Acronym]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case acronymes
    }

    /// Acronyms by name; a malformed or repeated acronym is an error.
    func index(source: YAMLSource, into sink: DiagnosticSink) -> [String: Acronym] {
        var result: [String: Acronym] = [:]
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        func location(of sigle: String) -> SourceLocation {
            let line = lines.firstIndex { $0.contains("sigle:") && $0.contains(sigle) } ?? 0
            return SourceLocation(file: source.file, line: line + 1 + source.lineOffset)
        }
        for acronym in acronymes {
            if acronym.sigle.isEmpty || !acronym.sigle.allSatisfy({ $0.isLetter || $0.isNumber }) {
                sink.report(location(of: acronym.sigle).error("sigle « \(acronym.sigle) » invalide", hint: "un sigle ne contient que des lettres et des chiffres, sans espace ni point"))
            } else if result[acronym.sigle] != nil {
                sink.report(location(of: acronym.sigle).error("sigle « \(acronym.sigle) » défini deux fois", hint: "gardez une seule définition"))
            } else {
                result[acronym.sigle] = acronym
            }
        }
        return result
    }
}
