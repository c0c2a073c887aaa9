/// A task's check box in a word processor, which has no form field in running text: a ballot
/// box character (☐, or ☑ when checked) before the item's text.
enum TaskMark {
    /// The item's blocks with its box before its first text.
    static func prefixing(_ checked: Bool, to blocks: [Block]) -> [Block] {
        let mark = checked ? "☑ " : "☐ "
        var blocks = blocks
        switch blocks.first {
        case .paragraph(let content): blocks[0] = .paragraph([.text(mark)] + content)
        case .plain(let content): blocks[0] = .plain([.text(mark)] + content)
        default: blocks.insert(.plain([.text(mark)]), at: 0)
        }
        return blocks
    }
}
