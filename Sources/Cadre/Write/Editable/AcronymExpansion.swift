/// Acronyms in a word processor, which has no `<abbr>`: the first use of each sigle in the
/// whole document is followed by its meaning in parentheses, « CUF (Cités Unies France) »;
/// later uses are the sigle alone, as French editorial practice writes them.
enum AcronymExpansion {
    /// The chapters with the first use of each acronym expanded, in reading order (a chapter's
    /// body, then its notes).
    static func expandFirstUses(_ chapters: [EditableChapter]) -> [EditableChapter] {
        var seen: Set<String> = []
        return chapters.map { chapter in
            var chapter = chapter
            // Outermost runs, in document order: nested runs are walked here, in order.
            chapter.document.updateOutermostInlines { inlines in expand(inlines, seen: &seen) }
            return chapter
        }
    }

    private static func expand(_ inlines: [Inline], seen: inout Set<String>) -> [Inline]? {
        var result: [Inline] = []
        var changed = false
        for inline in inlines {
            switch inline {
            case .acronym(let sigle, let definition) where !seen.contains(sigle):
                seen.insert(sigle)
                result.append(inline)
                if !definition.isEmpty {
                    result.append(.text(" (\(definition))"))
                    changed = true
                }
            case .emphasis(let children):
                if let new = expand(children, seen: &seen) { result.append(.emphasis(new)); changed = true } else { result.append(inline) }
            case .strong(let children):
                if let new = expand(children, seen: &seen) { result.append(.strong(new)); changed = true } else { result.append(inline) }
            case .strikethrough(let children):
                if let new = expand(children, seen: &seen) { result.append(.strikethrough(new)); changed = true } else { result.append(inline) }
            case .span(let attributes, let children):
                if let new = expand(children, seen: &seen) { result.append(.span(attributes, new)); changed = true } else { result.append(inline) }
            default:
                result.append(inline)
            }
        }
        return changed ? result : nil
    }
}
