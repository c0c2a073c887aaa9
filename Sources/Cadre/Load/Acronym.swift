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
    var acronymes: [Located<Acronym>]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case acronymes
    }

    /// Acronyms by name; a malformed or repeated acronym is an error.
    func index(source: YAMLSource, into sink: DiagnosticSink) -> [String: Acronym] {
        var result: [String: Acronym] = [:]
        for located in acronymes {
            let acronym = located.value
            if acronym.sigle.isEmpty || !acronym.sigle.allSatisfy({ $0.isLetter || $0.isNumber }) {
                sink.report(located.location.error("sigle « \(acronym.sigle) » invalide", hint: "un sigle ne contient que des lettres et des chiffres, sans espace ni point"))
            } else if result[acronym.sigle] != nil {
                sink.report(located.location.error("sigle « \(acronym.sigle) » défini deux fois", hint: "gardez une seule définition"))
            } else {
                result[acronym.sigle] = acronym
            }
        }
        return result
    }
}
