/// Where a value sits in a collectivité's file: `resultats.1.activites.0.cout`. It is the
/// form field's name, so that a posted form says where each value goes.
struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    var steps: [Step]

    init(_ steps: [Step]) { self.steps = steps }

    /// `objectifs_specifiques.0.intitule`; nil when a part is neither a key nor an index.
    init?(name: String) {
        var steps: [Step] = []
        for part in name.split(separator: ".", omittingEmptySubsequences: false) {
            if let index = Int(part), index >= 0, index < 10_000 {
                steps.append(.index(index))
            } else if part.range(of: #"^[a-z_][a-z0-9_]*$"#, options: .regularExpression) != nil {
                steps.append(.key(String(part)))
            } else {
                return nil
            }
        }
        guard !steps.isEmpty else { return nil }
        self.steps = steps
    }

    static func key(_ key: String) -> FieldPath { FieldPath([.key(key)]) }

    func appending(_ key: String) -> FieldPath { FieldPath(steps + [.key(key)]) }
    func appending(_ index: Int) -> FieldPath { FieldPath(steps + [.index(index)]) }
    func appending(_ path: FieldPath) -> FieldPath { FieldPath(steps + path.steps) }

    var parent: FieldPath? { steps.count > 1 ? FieldPath(Array(steps.dropLast())) : nil }

    func hasPrefix(_ other: FieldPath) -> Bool { steps.starts(with: other.steps) }

    /// The form field's name and the HTML id's base.
    var description: String {
        steps.map { step in
            switch step {
            case .key(let key): key
            case .index(let index): String(index)
            }
        }.joined(separator: ".")
    }

    /// An HTML id: `champ-objectifs_specifiques-0-intitule`.
    var id: String { "champ-" + description.replacingOccurrences(of: ".", with: "-") }
}
