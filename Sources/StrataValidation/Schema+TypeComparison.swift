import StrataLanguage
import StrataSchema

extension Schema {
    /// Whether a value of type `subType` can be used where `superType` is expected: same type, a non-null version
    /// of it, a list of compatible items, or an object/interface type that is a possible type of an abstract type.
    func isTypeSubType(_ subType: TypeRef, of superType: TypeRef) -> Bool {
        if subType == superType { return true }
        switch (subType, superType) {
        case (.nonNull(let sub), .nonNull(let sup)): return isTypeSubType(sub, of: sup)
        case (_, .nonNull): return false
        case (.nonNull(let sub), _): return isTypeSubType(sub, of: superType)
        case (.list(let sub), .list(let sup)): return isTypeSubType(sub, of: sup)
        case (_, .list), (.list, _): return false
        case (.named(let sub), .named(let sup)):
            guard let superKind = types[sup]?.kind, superKind.isAbstract,
                let subKind = types[sub]?.kind, subKind == .object || subKind == .interface
            else { return false }
            return isSubType(sup, sub)
        }
    }
}
