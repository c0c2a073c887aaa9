/// Numbers the French way, for strategy documents and charts alike: `120 000 €`, `−1 500`,
/// `2,5` (U+202F between thousands and before the euro sign, U+2212 for a minus).
enum Money {
    /// `120 000 €`, `−1 500 €`.
    static func euros(_ amount: Int) -> String {
        grouped(amount) + "\u{202F}€"
    }

    /// Thousands separated by U+202F from 1 000 on (tables align better than with the text rule of 5 digits).
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = value < 0 ? "\u{2212}" : ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "\u{202F}" }
            result.append(digit)
        }
        return result
    }

    /// `30`, `2,5`: no trailing zero, a decimal comma.
    static func number(_ value: Double) -> String {
        // Beyond what an Int holds (data are bounded well below): as Swift writes it, never a trap.
        guard value.isFinite, value.magnitude < 1e15 || value.rounded() == value && value.magnitude < 9e18 else { return String(value) }
        if value.rounded() == value, value.magnitude < 1e15 { return grouped(Int(value)) }
        let tenths = (value * 10).rounded() / 10
        let whole = Int(tenths.rounded(.towardZero))
        let decimal = Int(((tenths - Double(whole)) * 10).rounded().magnitude)
        return grouped(whole) + "," + String(decimal)
    }
}
