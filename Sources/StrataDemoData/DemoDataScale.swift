#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How much demo data to generate. `small` suits tests and local runs, `benchmark` the load tests.
public struct DemoDataScale: Sendable, Hashable {
    public var users: Int
    /// Sessions per user.
    public var sessionsPerUser: Int
    public var projects: Int
    public var tasksPerProject: Int
    public var laboratories: Int
    public var membersPerLaboratory: Int
    public var factors: Int
    public var emissionRecords: Int
    public var importsPerLaboratory: Int

    public init(
        users: Int, sessionsPerUser: Int, projects: Int, tasksPerProject: Int, laboratories: Int,
        membersPerLaboratory: Int, factors: Int, emissionRecords: Int, importsPerLaboratory: Int
    ) {
        self.users = max(1, users)
        self.sessionsPerUser = max(0, sessionsPerUser)
        self.projects = max(0, projects)
        self.tasksPerProject = max(0, tasksPerProject)
        self.laboratories = max(0, laboratories)
        self.membersPerLaboratory = max(0, min(membersPerLaboratory, self.users))
        self.factors = max(laboratories > 0 && emissionRecords > 0 ? 1 : 0, factors)
        self.emissionRecords = laboratories > 0 ? max(0, emissionRecords) : 0
        self.importsPerLaboratory = max(0, importsPerLaboratory)
    }

    /// 20 users, 5 projects × 20 tasks, 3 laboratories, 12 factors, 300 emission records.
    public static let small = DemoDataScale(
        users: 20, sessionsPerUser: 1, projects: 5, tasksPerProject: 20, laboratories: 3, membersPerLaboratory: 5,
        factors: 12, emissionRecords: 300, importsPerLaboratory: 2)

    /// 1,000 users, 200 projects × 100 tasks, 20 laboratories, 60 factors, 50,000 emission records.
    public static let benchmark = DemoDataScale(
        users: 1_000, sessionsPerUser: 2, projects: 200, tasksPerProject: 100, laboratories: 20,
        membersPerLaboratory: 10, factors: 60, emissionRecords: 50_000, importsPerLaboratory: 5)

    /// Multiplies every count of `small` by `factor` (per-parent counts stay the same).
    public func scaled(by factor: Double) -> DemoDataScale {
        func times(_ n: Int) -> Int { max(1, Int((Double(n) * factor).rounded())) }
        return DemoDataScale(
            users: times(users), sessionsPerUser: sessionsPerUser, projects: times(projects),
            tasksPerProject: tasksPerProject, laboratories: times(laboratories),
            membersPerLaboratory: membersPerLaboratory, factors: times(factors),
            emissionRecords: times(emissionRecords), importsPerLaboratory: importsPerLaboratory)
    }

    /// "small", "benchmark", or a positive number that multiplies `small` ("10" is ten times `small`).
    public static func named(_ name: String) -> DemoDataScale? {
        switch name.lowercased() {
        case "small": return .small
        case "benchmark", "bench": return .benchmark
        default:
            guard let factor = Double(name), factor > 0, factor.isFinite, factor <= 10_000 else { return nil }
            return small.scaled(by: factor)
        }
    }

    /// The scale named by `STRATA_DEMO_SCALE`; `small` when it is unset or not understood.
    public static func fromEnvironment() -> DemoDataScale {
        guard let raw = getenv("STRATA_DEMO_SCALE") else { return .small }
        return named(String(cString: raw)) ?? .small
    }
}
