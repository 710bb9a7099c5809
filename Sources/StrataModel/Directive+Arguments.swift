internal import StrataLanguage

extension Directive {
    /// The value of the argument `name`, if given.
    func argumentValue(_ name: String) -> Value? {
        arguments.first { $0.name.value == name }?.value
    }

    /// The argument `name` as a string literal (nil when absent or not a string).
    func stringArgument(_ name: String) -> String? {
        if case .string(let s) = argumentValue(name) { return s.value }
        return nil
    }

    /// The argument `name` as an enum literal (nil when absent or not an enum value).
    func enumArgument(_ name: String) -> String? {
        if case .enumValue(let n) = argumentValue(name) { return n.value }
        return nil
    }

    /// The argument `name` as a list of string literals (a single string counts as a list of one).
    func stringListArgument(_ name: String) -> [String]? {
        switch argumentValue(name) {
        case .string(let s): return [s.value]
        case .list(let items, _):
            var strings: [String] = []
            for item in items {
                guard case .string(let s) = item else { return nil }
                strings.append(s.value)
            }
            return strings
        default: return nil
        }
    }
}

extension Array where Element == Directive {
    func named(_ name: String) -> Directive? { first { $0.name.value == name } }
    func has(_ name: String) -> Bool { contains { $0.name.value == name } }
}
