import StrataStorage

/// Users, their profiles and sessions.
extension DemoDataGenerator {
    typealias Code = DemoIdentity.Code

    func userID(_ i: Int) -> StorageValue { .string(DemoIdentity.uuid(.user, i)) }

    /// Users join over the first 180 days of 2024.
    func userCreatedAt(_ i: Int) -> Int64 {
        DemoIdentity.epoch + Int64(i - 1) * 180 * DemoIdentity.day / Int64(scale.users)
            + Int64(i * 7_919 % 3_600) * DemoIdentity.second
    }

    func userName(_ i: Int) -> (first: (String, String), last: (String, String)) {
        let first = DemoVocabulary.firstNames[(i - 1) % DemoVocabulary.firstNames.count]
        let last = DemoVocabulary.lastNames[((i - 1) * 7 + (i - 1) / DemoVocabulary.firstNames.count) % DemoVocabulary.lastNames.count]
        return (first, last)
    }

    /// Every tenth user has no profile.
    func hasProfile(_ user: Int) -> Bool { user % 10 != 0 }

    func users(_ entity: EntityDescriptor) -> [Row] {
        var b = DemoRowBuilder(entity)
        let (id, email, name, role, status, verified) = (
            b.column("id"), b.column("email"), b.column("name"), b.column("role"), b.column("status"),
            b.column("email_verified")
        )
        let (created, updated, version) = (b.column("created_at"), b.column("updated_at"), b.column("version"))
        var rows: [Row] = []
        rows.reserveCapacity(scale.users)
        for i in 1...scale.users {
            var rng = SplitMix64(entity: Code.user.rawValue, index: i)
            let (first, last) = userName(i)
            b.set(id, userID(i))
            b.set(email, .string("\(first.1).\(last.1)\(i)@example.com"))
            b.set(name, .string("\(first.0) \(last.0)"))
            b.set(role, .string(i == 1 ? "ADMIN" : ["ADMIN", "MEMBER", "GUEST"][rng.weighted([5, 80, 15])]))
            b.set(status, .string(i == 1 ? "ACTIVE" : ["ACTIVE", "INACTIVE", "SUSPENDED", "DELETED"][rng.weighted([85, 8, 4, 3])]))
            b.set(verified, .bool(i == 1 || rng.percent(90)))
            let createdAt = userCreatedAt(i)
            b.set(created, .timestamp(createdAt))
            b.set(updated, .timestamp(createdAt + Int64(rng.int(0..<30 * 24)) * DemoIdentity.hour))
            b.set(version, .int(1))
            rows.append(b.finish())
        }
        return rows
    }

    func profiles(_ entity: EntityDescriptor) -> [Row] {
        var b = DemoRowBuilder(entity)
        let (id, user, firstName, lastName, avatar, bio) = (
            b.column("id"), b.column("user_id"), b.column("first_name"), b.column("last_name"), b.column("avatar_url"),
            b.column("bio")
        )
        let (location, timezone, language, preferences) = (
            b.column("location"), b.column("timezone"), b.column("language"), b.column("preferences")
        )
        let (created, updated) = (b.column("created_at"), b.column("updated_at"))
        var rows: [Row] = []
        var n = 0
        for i in 1...scale.users where hasProfile(i) {
            n += 1
            var rng = SplitMix64(entity: Code.profile.rawValue, index: n)
            let (first, last) = userName(i)
            b.set(id, .string(DemoIdentity.uuid(.profile, n)))
            b.set(user, userID(i))
            b.set(firstName, .string(first.0))
            b.set(lastName, .string(last.0))
            if rng.percent(60) { b.set(avatar, .string("https://avatars.example.com/u/\(i).png")) }
            if rng.percent(40) { b.set(bio, .string(rng.pick(DemoVocabulary.bios))) }
            if rng.percent(70) { b.set(location, .string(rng.pick(DemoVocabulary.cities))) }
            b.set(timezone, .string(rng.pick(DemoVocabulary.timezones)))
            b.set(language, .string(rng.pick(DemoVocabulary.languages)))
            if rng.percent(50) {
                b.set(
                    preferences,
                    .json(
                        DemoJSON.object([
                            ("theme", .string(rng.pick(["light", "dark", "system"]))),
                            ("notifications", .bool(rng.percent(70))), ("pageSize", .int(rng.pick([10, 20, 50]))),
                        ])))
            }
            let createdAt = userCreatedAt(i) + DemoIdentity.minute
            b.set(created, .timestamp(createdAt))
            b.set(updated, .timestamp(createdAt + Int64(rng.int(0..<1_000)) * DemoIdentity.minute))
            rows.append(b.finish())
        }
        return rows
    }

    func sessions(_ entity: EntityDescriptor) -> [Row] {
        var b = DemoRowBuilder(entity)
        let (id, user, ip, agent, expires, created, accessed) = (
            b.column("id"), b.column("user_id"), b.column("ip_address"), b.column("user_agent"),
            b.column("expires_at"), b.column("created_at"), b.column("last_accessed_at")
        )
        var rows: [Row] = []
        rows.reserveCapacity(scale.users * scale.sessionsPerUser)
        var n = 0
        for i in 1...scale.users {
            for _ in 0..<scale.sessionsPerUser {
                n += 1
                var rng = SplitMix64(entity: Code.session.rawValue, index: n)
                b.set(id, .string(DemoIdentity.uuid(.session, n)))
                b.set(user, userID(i))
                if rng.percent(90) {
                    b.set(ip, .string("10.\(rng.int(0..<256)).\(rng.int(0..<256)).\(rng.int(1..<255))"))
                }
                if rng.percent(85) { b.set(agent, .string(rng.pick(DemoVocabulary.userAgents))) }
                let createdAt = userCreatedAt(i) + Int64(rng.int(0..<200 * 24)) * DemoIdentity.hour
                b.set(created, .timestamp(createdAt))
                b.set(expires, .timestamp(createdAt + 30 * DemoIdentity.day))
                b.set(accessed, .timestamp(createdAt + Int64(rng.int(0..<48 * 60)) * DemoIdentity.minute))
                rows.append(b.finish())
            }
        }
        return rows
    }
}
