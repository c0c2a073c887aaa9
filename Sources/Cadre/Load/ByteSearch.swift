/// Substring search and replacement over UTF-8 bytes: Foundation's versions go through
/// NSString on Linux and dominated build time on large publications.
extension String {
    /// The text with every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8)
        let needle = Array(target.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return self }
        var output: [UInt8] = []
        var index = 0
        var changed = false
        output.reserveCapacity(bytes.count)
        while index < bytes.count {
            if bytes[index] == first, index + needle.count <= bytes.count, bytes[index..<index + needle.count].elementsEqual(needle) {
                output.append(contentsOf: replacement.utf8)
                index += needle.count
                changed = true
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : self
    }
}
