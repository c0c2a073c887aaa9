/// A date of a strategy's calendar, written `AAAA-MM` or `AAAA-MM-JJ` (the day is kept for
/// display only: plans are made by the month).
struct CalendarDate: Decodable, Hashable, Comparable, Sendable, YAMLHinted, YAMLPlaceholder, CustomStringConvertible {
    var year: Int
    var month: Int
    var day: Int?

    static let placeholder = CalendarDate(year: 2000, month: 1)
    static let yamlHint = "écrivez une date sous la forme AAAA-MM ou AAAA-MM-JJ, entre 1900 et 2199, par exemple 2027-03"

    init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
        }
        self = date
    }

    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), (1900...2199).contains(year), let month = Int(parts[1]), (1...12).contains(month) else { return nil }
        var day: Int?
        if parts.count == 3 {
            guard parts[2].count == 2, let value = Int(parts[2]), (1...CalendarDate.days(in: month, of: year)).contains(value) else { return nil }
            day = value
        }
        self.init(year: year, month: month, day: day)
    }

    /// Months since year 0: the axis of the chronogramme.
    var monthIndex: Int { year * 12 + month - 1 }

    static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day ?? 0) < (rhs.year, rhs.month, rhs.day ?? 0)
    }

    var description: String {
        let month = month < 10 ? "0\(month)" : "\(month)"
        guard let day else { return "\(year)-\(month)" }
        return "\(year)-\(month)-\(day < 10 ? "0\(day)" : "\(day)")"
    }

    static let monthNames = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]

    /// `mars 2027`, or `15 mars 2027` when the day is known (`1er` for the first).
    var french: String {
        let monthYear = "\(Self.monthNames[month - 1]) \(year)"
        guard let day else { return monthYear }
        return "\(day == 1 ? "1er" : String(day)) \(monthYear)"
    }

    /// The date after a verb: `en mars 2027`, or `le 19 mars 2027` when the day is known.
    var frenchWhen: String {
        (day == nil ? "en " : "le ") + french
    }

    private static func days(in month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
