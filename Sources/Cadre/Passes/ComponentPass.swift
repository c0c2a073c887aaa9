/// Replaces each component call of a chapter by the blocks its component draws; an unknown
/// component is an error. Components that need the whole publication (the list of acronyms)
/// run in a second round, after the acronym pass has read every chapter.
struct ComponentPass {
    let components: ComponentSet
    let context: TemplateData
    let sink: DiagnosticSink

    /// First round: every component that needs only its own block. True when a component
    /// waits for the whole publication (`finish` then has work to do).
    @discardableResult
    func run(_ page: inout ChapterPage) -> Bool {
        replace(in: &page, usedAcronyms: nil)
    }

    /// Second round: the components that needed the whole publication.
    func finish(_ page: inout ChapterPage, usedAcronyms: [Acronym]) {
        replace(in: &page, usedAcronyms: usedAcronyms)
    }

    @discardableResult
    private func replace(in page: inout ChapterPage, usedAcronyms: [Acronym]?) -> Bool {
        let source = page.source
        var waiting = false
        page.document.replaceBlocks { block -> [Block]? in
            guard case .component(let call) = block else { return nil }
            let location = source.location(of: call.name, near: call.position.line)
            guard let component = components[call.name] else {
                if usedAcronyms == nil {
                    let unknown = components.unknown(call.name)
                    sink.report(location.error(unknown.message, hint: unknown.hint))
                }
                return []
            }
            // In the first round a whole-publication component waits; in the second, only they run.
            guard component.needsWholePublication == (usedAcronyms != nil) else {
                waiting = true
                return nil
            }
            var request = ComponentRequest(name: call.name, body: call.body, location: location, context: context.values, sink: sink)
            request.usedAcronyms = usedAcronyms ?? []
            return component.blocks(for: request) ?? []
        }
        return waiting
    }
}
