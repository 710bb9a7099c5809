/// Deterministic identities and clock values of demo rows.
enum DemoIdentity {
    /// Per-entity codes: the first UUID group of every demo id, and the seed of every row's generator.
    enum Code: UInt64 {
        case user = 1, profile, session, project, task, activityLog, laboratory, laboratoryMember, emissionFactor,
            emissionRecord, csvImport, csvImportError
    }

    /// `0000000c-0000-4000-8000-00000000002a`: entity code, then the 1-based row index (lowercase hex).
    static func uuid(_ code: Code, _ index: Int) -> String {
        hex(code.rawValue, width: 8) + "-0000-4000-8000-" + hex(UInt64(index), width: 12)
    }

    private static func hex(_ value: UInt64, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// 2024-01-01T00:00:00Z in microseconds since 1970.
    static let epoch: Int64 = 1_704_067_200_000_000
    /// 2023-01-01 in days since 1970: emission activity dates span the two years from here.
    static let firstActivityDay: Int32 = 19_358
    static let second: Int64 = 1_000_000
    static let minute: Int64 = 60 * second
    static let hour: Int64 = 60 * minute
    static let day: Int64 = 24 * hour
}
