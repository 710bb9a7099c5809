internal import StrataLanguage

extension TypeReference {
    var isNonNullType: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// The type without its outermost non-null wrapper.
    var nullableType: TypeReference {
        if case .nonNull(let inner, _) = self { return inner }
        return self
    }

    var isListType: Bool {
        if case .list = nullableType { return true }
        return false
    }
}
