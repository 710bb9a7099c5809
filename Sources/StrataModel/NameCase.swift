/// Name conversions between GraphQL field names and storage / enum spellings.
enum NameCase {
    /// `emailVerified` → `email_verified`, `createdById` → `created_by_id`, `kgCO2e` → `kg_co2e`,
    /// `HTMLParser` → `html_parser`: a word starts at an upper-case letter that follows a lower-case letter or
    /// a digit, or that ends a run of capitals before a lower-case letter.
    static func snake(_ name: String) -> String {
        let scalars = Array(name.unicodeScalars)
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            if isUpper(scalar), index > 0 {
                let previous = scalars[index - 1]
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let startsWord =
                    isLower(previous) || isDigit(previous)
                    || (isUpper(previous) && next.map(isLower) == true)
                if startsWord, previous != "_" { result.append("_") }
            }
            result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
        return result
    }

    /// `emailVerified` → `EMAIL_VERIFIED` (the spelling of order-field enum values).
    static func screamingSnake(_ name: String) -> String { snake(name).uppercased() }

    private static func isUpper(_ s: Unicode.Scalar) -> Bool { s >= "A" && s <= "Z" }
    private static func isLower(_ s: Unicode.Scalar) -> Bool { s >= "a" && s <= "z" }
    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
}
