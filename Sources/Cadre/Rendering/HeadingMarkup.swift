/// Writes each section heading as HTML with its anchor and number:
/// `<h2 id="le-diagnostic"><span class="numero">3.2</span> Le diagnostic</h2>`.
enum HeadingMarkup {
    static func run(_ page: ChapterPage) {
        for heading in page.headings {
            guard let node = heading.node else { continue }
            let document = page.document
            let container = document.makeBlock(opening: "<h\(heading.level) id=\"\(heading.id)\">", closing: "</h\(heading.level)>")
            if let number = heading.number {
                let label = document.makeInline(opening: "<span class=\"numero\">\(number)</span> ")
                container.appendChild(label)
            }
            node.wrapChildren(in: container)
        }
    }
}
