import CYaml
import Yams

/// Builds Yams' node tree straight from libyaml's events, for the common case: a single
/// document without anchors, aliases or explicit tags, whose objects have no repeated key.
///
/// Yams' own composer (`Yams.compose`) allocates an event object, a tag object and Foundation
/// strings for every value and groups each object's keys in a dictionary to find duplicates:
/// it was two fifths of a strategy document's YAML time, libyaml's scanning being the rest.
/// This one gives the same tree (same strings, styles, marks and resolved tags). Anything it
/// does not handle, and every error, is left to Yams, which parses the text again and reports
/// exactly what it always did: a file with a problem costs two parses, a good one one.
enum YAMLComposer {
    /// What composing gave.
    enum Outcome {
        /// The document's root (nil for an empty stream, as with Yams).
        case composed(Node?)
        /// Not handled here (an error, an anchor, an alias, a tag, a repeated key, several
        /// documents): Yams must compose the text.
        case unhandled
    }

    /// Yams gives every node of `compose(yaml:, .basic, …)` a tag that resolves to `str`, `seq`
    /// or `map`. These are already resolved, so never changed once shared (Yams resolves an
    /// implicit tag in place), and compare equal to Yams' own.
    nonisolated(unsafe) private static let stringTag = Tag(.str, .basic, .default)
    nonisolated(unsafe) private static let sequenceTag = Tag(.seq, .basic, .default)
    nonisolated(unsafe) private static let mappingTag = Tag(.map, .basic, .default)

    /// Yams' `Mark` has no public initializer; it is two integers, line and column. Checked
    /// once: should its layout ever change, every text goes to Yams.
    private static let marksHold: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size else { return false }
        let mark = makeMark(line: 12, column: 34)
        return mark.line == 12 && mark.column == 34
    }()

    private static func makeMark(line: Int, column: Int) -> Mark {
        withUnsafeBytes(of: (line, column)) { $0.load(as: Mark.self) }
    }

    private static func mark(_ mark: yaml_mark_t) -> Mark {
        makeMark(line: mark.line + 1, column: mark.column + 1)
    }

    /// An open list or object.
    private enum Open {
        case sequence(items: [Node], mark: Mark)
        case mapping(pairs: [(Node, Node)], key: Node?, mark: Mark)
    }

    static func compose(_ text: String) -> Outcome {
        guard marksHold else { return .unhandled }
        var text = text
        return text.withUTF8 { bytes in compose(bytes) }
    }

    private static func compose(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .unhandled }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        var event = yaml_event_t()
        /// The next event's type, or nil after an error.
        func next() -> yaml_event_type_t? {
            yaml_event_delete(&event)
            event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            return event.type
        }
        defer { yaml_event_delete(&event) }

        guard next() == YAML_STREAM_START_EVENT, let first = next() else { return .unhandled }
        if first == YAML_STREAM_END_EVENT { return .composed(nil) }
        guard first == YAML_DOCUMENT_START_EVENT else { return .unhandled }

        var open: [Open] = []
        var root: Node?
        while root == nil {
            guard let type = next() else { return .unhandled }
            var done: Node
            switch type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.tag == nil || scalar.quoted_implicit == 1,
                      let style = Node.Scalar.Style(rawValue: numericCast(scalar.style.rawValue)),
                      let string = string(scalar.value, count: scalar.length) else { return .unhandled }
                done = .scalar(Node.Scalar(string, stringTag, style, mark(event.start_mark)))
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.implicit != 0 else { return .unhandled }
                open.append(.sequence(items: [], mark: mark(event.start_mark)))
                continue
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.implicit != 0 else { return .unhandled }
                open.append(.mapping(pairs: [], key: nil, mark: mark(event.start_mark)))
                continue
            case YAML_SEQUENCE_END_EVENT:
                guard case .sequence(let items, let start) = open.popLast() else { return .unhandled }
                // Yams reads the style on the end event, which has none: `.any`.
                guard let style = Node.Sequence.Style(rawValue: numericCast(event.data.sequence_start.style.rawValue)) else { return .unhandled }
                done = .sequence(Node.Sequence(items, sequenceTag, style, start))
            case YAML_MAPPING_END_EVENT:
                guard case .mapping(let pairs, nil, let start) = open.popLast(), !hasRepeatedKey(pairs) else { return .unhandled }
                guard let style = Node.Mapping.Style(rawValue: numericCast(event.data.mapping_start.style.rawValue)) else { return .unhandled }
                done = .mapping(Node.Mapping(pairs, mappingTag, style, start))
            default:
                // Aliases, and anything out of place.
                return .unhandled
            }
            switch open.popLast() {
            case nil:
                root = done
            case .sequence(var items, let start)?:
                items.append(done)
                open.append(.sequence(items: items, mark: start))
            case .mapping(var pairs, let key, let start)?:
                if let key {
                    pairs.append((key, done))
                    open.append(.mapping(pairs: pairs, key: nil, mark: start))
                } else {
                    open.append(.mapping(pairs: pairs, key: done, mark: start))
                }
            }
        }
        guard next() == YAML_DOCUMENT_END_EVENT, next() == YAML_STREAM_END_EVENT else { return .unhandled }
        return .composed(root)
    }

    /// A scalar's text. Foundation's decoding, which Yams uses, drops a leading byte order
    /// mark: such a value goes to Yams.
    private static func string(_ value: UnsafeMutablePointer<yaml_char_t>?, count: Int) -> String? {
        guard let value else { return count == 0 ? "" : nil }
        let bytes = UnsafeBufferPointer(start: value, count: count)
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether two keys of an object are the same (Yams then reports them): every key here is
    /// a string-tagged scalar, so keys are the same when their texts are. A key that is a list
    /// or an object is left to Yams.
    private static func hasRepeatedKey(_ pairs: [(Node, Node)]) -> Bool {
        var keys: [String] = []
        keys.reserveCapacity(pairs.count)
        for (key, _) in pairs {
            guard case .scalar(let scalar) = key else { return true }
            keys.append(scalar.string)
        }
        if keys.count <= 16 {
            for index in keys.indices.dropFirst() where keys[..<index].contains(keys[index]) { return true }
            return false
        }
        return Set(keys).count != keys.count
    }
}
