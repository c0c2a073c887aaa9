import Cadre

/// A question of the atelier's form: where its answer goes in the collectivité's file, how it
/// is asked, and what the guide says about it.
struct Field: Sendable {
    enum Kind: Sendable {
        /// One line of text.
        case text
        /// A paragraph.
        case paragraph
        case integer
        case decimal
        /// AAAA-MM (or AAAA-MM-JJ).
        case month
        case yesNo
        /// One value of a list (a select).
        case choice(StrategyDesk.ChoiceList)
        /// The id of an item of another repeated group of the file (`objectifs_specifiques`): a select of those written so far.
        case reference(String)
        /// Several values of a list (checkboxes).
        case choices(StrategyDesk.ChoiceList)
        /// A list of short texts, one per line.
        case lines
        /// Identifiers separated by commas (`IND1, IND2`).
        case identifiers
        /// A group of questions written under one key.
        case group([Field])
        /// A group that is repeated (objectives, stakeholders…): add, remove, reorder.
        case repeated([Field], item: String)
    }

    /// The key in the file (`intitule`), under its parent's path.
    var key: String
    var label: String
    var kind: Kind
    /// What the guide says about the question, quoted beside it.
    var help: String?
    /// Whether the file must have it (`cadre strategie` reports it missing).
    var required = false

    init(_ key: String, _ label: String, _ kind: Kind = .text, help: String? = nil, required: Bool = false) {
        self.key = key
        self.label = label
        self.kind = kind
        self.help = help
        self.required = required
    }

    /// Every field under this one, with its path from `base` (groups opened, repeated groups
    /// at each of their `count(path)` items).
    func paths(under base: FieldPath?, count: (FieldPath) -> Int) -> [FieldPath] {
        let path = base?.appending(key) ?? .key(key)
        switch kind {
        case .group(let fields):
            return [path] + fields.flatMap { $0.paths(under: path, count: count) }
        case .repeated(let fields, _):
            return [path] + (0..<count(path)).flatMap { index in
                [path.appending(index)] + fields.flatMap { $0.paths(under: path.appending(index), count: count) }
            }
        default:
            return [path]
        }
    }
}

/// One of the guide's four steps, as a page of the form.
struct Step: Sendable {
    /// 1 to 4, in the address (`/strategies/valmont/etape/2`).
    var number: Int
    var title: String
    /// The guide's words on what the step is for.
    var intro: String
    var fields: [Field]
}
