import CYaml
import Yams

/// What a YAML text may cost to read, checked on libyaml's event stream before Yams builds a
/// tree. Yams shares an aliased node instead of copying it, but every reader that walks the
/// tree (the decoder, the templates' data) sees it expanded: ten nested aliases of ten make
/// ten billion values. Yams also builds its tree by recursion, one call per level of nesting.
enum YAMLLimits {
    /// Bytes of YAML in one file (a collectivité's file is about 20 kB).
    static let maximumBytes = 5_000_000
    /// Values once aliases are expanded.
    static let maximumValues = 2_000_000
    /// Nesting of lists and objects.
    static let maximumDepth = 200

    /// A diagnostic when the text is too large, too deeply nested, or its aliases expand to
    /// too many values; nil otherwise (syntax errors are left to the parser, which says more).
    static func check(_ source: YAMLSource) -> Diagnostic? {
        if source.text.utf8.count > maximumBytes {
            return source.location(nil).error("fichier YAML trop gros (\(source.text.utf8.count / 1_000_000) Mo, \(maximumBytes / 1_000_000) Mo au plus)", hint: "découpez les données en plusieurs fichiers")
        }
        var text = source.text
        return text.withUTF8 { bytes in mayExceed(bytes) ? scan(bytes, source: source) : nil }
    }

    /// Whether the text could break a limit: it is large, has anchors or aliases (`&`, `*`), or
    /// nests deeply (brackets, or a long indentation). Most files have none of these and are
    /// not read twice: the event scan cost as much as a tenth of a strategy document's time.
    private static func mayExceed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count > 1_000_000 { return true }
        var brackets = 0
        var indentation = 0
        var lineStart = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"), UInt8(ascii: "*"):
                return true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets += 1
                if brackets > maximumDepth / 4 { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                brackets = max(0, brackets - 1)
            case UInt8(ascii: "\n"):
                lineStart = true
                indentation = 0
                continue
            case UInt8(ascii: " ") where lineStart:
                indentation += 1
                if indentation > maximumDepth / 2 { return true }
                continue
            default:
                break
            }
            lineStart = false
        }
        return false
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, source: YAMLSource) -> Diagnostic? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        // Values in each open collection (aliases counted expanded), and the anchor it defines.
        var open: [(values: Int, anchor: String?)] = [(0, nil)]
        var sizes: [String: Int] = [:]
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            defer { yaml_event_delete(&event) }
            let mark = event.start_mark
            let location = SourceLocation(file: source.file, line: Int(mark.line) + 1 + source.lineOffset, column: Int(mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                let anchor = name(event.data.scalar.anchor)
                open[open.count - 1].values += 1
                if let anchor { sizes[anchor] = 1 }
            case YAML_ALIAS_EVENT:
                open[open.count - 1].values += name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = name(event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor)
                open.append((1, anchor))
                if open.count > maximumDepth + 1 {
                    return location.error("listes ou objets imbriqués sur plus de \(maximumDepth) niveaux", hint: "simplifiez la structure des données")
                }
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let closed = open.removeLast()
                if let anchor = closed.anchor { sizes[anchor] = closed.values }
                open[open.count - 1].values += closed.values
            default:
                break
            }
            if open[open.count - 1].values > maximumValues {
                return location.error("les alias (&nom, *nom) de ce fichier déploient plus de \(maximumValues) valeurs", hint: "n'utilisez pas d'alias en chaîne, ou recopiez les valeurs à la main")
            }
        }
        return nil
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
