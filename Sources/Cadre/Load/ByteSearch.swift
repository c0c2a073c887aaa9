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

extension StringProtocol {
    /// Whether `target` occurs in the text, compared as UTF-8 bytes (what `contains` does for
    /// ASCII targets, without Foundation's detour through NSString: an eighth of the HTML
    /// benchmark's time went into `body.contains("{{")`).
    func containsBytes(_ target: StaticString) -> Bool {
        let needle = UnsafeBufferPointer(start: target.utf8Start, count: target.utf8CodeUnitCount)
        guard let first = needle.first else { return true }
        let found: Bool? = utf8.withContiguousStorageIfAvailable { bytes in
            Self.search(bytes, for: needle, first: first)
        }
        if let found { return found }
        return Self.search(Array(utf8), for: needle, first: first)
    }

    private static func search<C: RandomAccessCollection>(_ bytes: C, for needle: UnsafeBufferPointer<UInt8>, first: UInt8) -> Bool where C.Element == UInt8, C.Index == Int {
        guard bytes.count >= needle.count else { return false }
        var index = bytes.startIndex
        let last = bytes.endIndex - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return true }
            index += 1
        }
        return false
    }
}
