/// "Did you mean…" hints: the closest known name to a misspelt one.
enum Suggestion {
    /// The candidate closest to `name`, if it is close enough to be a plausible typo.
    static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        var tied = false
        for candidate in candidates.sorted() {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance == best?.1 { tied = true }
            if distance < (best?.1 ?? Int.max) { (best, tied) = ((candidate, distance), false) }
        }
        // Two names equally close (IND1, IND2 for IND4): better to list them all.
        guard let (candidate, distance) = best, !tied else { return nil }
        return distance <= max(2, target.count / 3) ? candidate : nil
    }

    /// A French hint naming the closest candidate, or listing the valid ones when none is close.
    static func hint(for name: String, in candidates: [String], noun: String = "clés") -> String {
        if let match = closest(to: name, in: candidates) {
            return "vouliez-vous dire « \(match) » ?"
        }
        let list = candidates.sorted().prefix(12).map { "« \($0) »" }.joined(separator: ", ")
        return list.isEmpty ? "rien n'est attendu ici" : "\(noun) possibles : \(list)"
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
