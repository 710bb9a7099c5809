import StrataLanguage
import StrataSchema

/// The mutable part of a `ValidationContext` that changes at every node: the type information of the node being
/// visited and where the walker is.
///
/// It lives behind a pointer the context owns (see `ValidationContext.state`): writes to a class's stored
/// properties pay a dynamic exclusivity check each, and the walker makes several per field.
///
/// The entries are held unretained: every `TypeEntry` and `FieldEntry` belongs to the `SchemaIndex` that the
/// context holds for longer than any walk, and storing them strongly cost a retain and a release per field visited.
/// The rules that run for every field read them through `withOutputEntry`, `withFieldEntry` and `hasFieldEntry`,
/// which do not retain either (together 4.5% of validation's instructions).
struct WalkState {
    private var parent: Unmanaged<TypeEntry>?
    private var field: Unmanaged<FieldEntry>?
    private var output: Unmanaged<TypeEntry>?

    var parentEntry: TypeEntry? {
        get { parent?.takeUnretainedValue() }
        set { parent = newValue.map { .passUnretained($0) } }
    }
    var fieldEntry: FieldEntry? {
        get { field?.takeUnretainedValue() }
        set { field = newValue.map { .passUnretained($0) } }
    }
    var outputEntry: TypeEntry? {
        get { output?.takeUnretainedValue() }
        set { output = newValue.map { .passUnretained($0) } }
    }

    var hasFieldEntry: Bool { field != nil }

    func withOutputEntry<Result>(_ body: (TypeEntry) -> Result) -> Result? {
        output?._withUnsafeGuaranteedRef(body)
    }

    func withFieldEntry<Result>(_ body: (FieldEntry) -> Result) -> Result? {
        field?._withUnsafeGuaranteedRef(body)
    }

    var directive: DirectiveDef?
    var isInDirective = false
    var directiveLocation: StrataLanguage.DirectiveLocation?
    var argumentDefinition: InputValueDef?
    /// Whether `argumentDefinition` is set: testing the optional itself copies the definition out (a retain per
    /// member), and a rule asks for every argument.
    var isArgumentDefined = false
    var inputType: TypeRef?
    var parentInputObject: InputObjectType?
    var defaultValue: Value?
    var spreadTarget: Int?
    /// The definition being walked: an index into `operations` (when `isInOperation`) or into `fragments`.
    var currentDefinition = 0
    var isInOperation = false
    /// Set once `maxErrors` is exceeded: the walk stops.
    var isAborted = false
}
