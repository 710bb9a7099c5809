extension JSONValue {
    /// Where an object first repeats a member name, as the path to the repeated member (object keys, and array
    /// indexes as decimal text), or nil when no object anywhere in the value repeats one.
    ///
    /// RFC 8259 leaves the meaning of repeated names to each parser: some keep the first, some the last, some
    /// both. A request whose meaning depends on which one a proxy, a logger or this server picks is refused
    /// instead of guessed at.
    public var firstRepeatedKey: [String]? {
        switch self {
        case .object(let members):
            if let repeated = Self.firstRepeated(members) { return [repeated] }
            for member in members {
                if let inner = member.value.firstRepeatedKey { return [member.key] + inner }
            }
            return nil
        case .array(let items):
            for (index, item) in items.enumerated() {
                if let inner = item.firstRepeatedKey { return [String(index)] + inner }
            }
            return nil
        case .null, .bool, .int, .double, .string:
            return nil
        }
    }

    /// The first key of `members` that an earlier member has: compared pairwise for the usual few members,
    /// through a set for more.
    private static func firstRepeated(_ members: [JSONMember]) -> String? {
        if members.count <= 8 {
            for index in members.indices.dropFirst() {
                let key = members[index].key
                for earlier in members[..<index] where earlier.key == key { return key }
            }
            return nil
        }
        var seen = Set<String>(minimumCapacity: members.count)
        for member in members where !seen.insert(member.key).inserted { return member.key }
        return nil
    }
}
