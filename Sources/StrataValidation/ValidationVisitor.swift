public import StrataLanguage

/// The callbacks one rule receives during the single traversal of a document.
///
/// A visitor is created per validation run (see `ValidationRule.makeVisitor(context:)`) and keeps that run's state.
/// It declares the callbacks it wants in `events`; the walker calls only those, so a rule that looks at fields alone
/// costs nothing at arguments or values. While a callback runs, the context's type information (`parentType`,
/// `fieldDefinition`, `inputType`, …) describes the node being visited.
///
/// A rule's visitor subclasses this class and overrides the callbacks it subscribes to (the compiler checks each
/// override's signature). It is a class rather than a protocol so that the walker can call a visitor through an
/// uncounted reference: a call through a protocol existential retained and released the visitor around every
/// callback (5% of the time to validate the benchmark's large document, 10% of a deep or wide one).
open class ValidationVisitor {
    public init() {}

    /// The callbacks this visitor implements; the others are never called.
    open var events: ValidationEvents { [] }

    open func enterDocument(_ document: Document) {}
    open func leaveDocument(_ document: Document) {}
    open func enterOperation(_ operation: OperationDefinition) {}
    open func leaveOperation(_ operation: OperationDefinition) {}
    open func enterFragmentDefinition(_ fragment: FragmentDefinition) {}
    open func leaveFragmentDefinition(_ fragment: FragmentDefinition) {}
    open func enterVariableDefinition(_ definition: VariableDefinition) {}
    open func enterSelectionSet(_ selectionSet: SelectionSet) {}
    open func leaveSelectionSet(_ selectionSet: SelectionSet) {}
    open func enterField(_ field: Field) {}
    open func leaveField(_ field: Field) {}
    open func enterFragmentSpread(_ spread: FragmentSpread) {}
    open func enterInlineFragment(_ fragment: InlineFragment) {}
    open func leaveInlineFragment(_ fragment: InlineFragment) {}
    /// A directive applied at `context.directiveLocation`.
    open func enterDirective(_ directive: Directive) {}
    open func leaveDirective(_ directive: Directive) {}
    /// An argument of a field or a directive; `context.argumentDefinition` is its definition, if known.
    open func enterArgument(_ argument: Argument) {}
    /// Every value: argument values, variable default values, list items and object field values.
    open func enterValue(_ value: Value) {}
    /// A field inside an object literal; `context.inputType` is the field's declared type, if known.
    open func enterObjectField(_ field: ObjectField) {}
}

/// The set of callbacks a `ValidationVisitor` subscribes to.
public struct ValidationEvents: OptionSet, Sendable, Hashable {
    public var rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let enterDocument = ValidationEvents(rawValue: 1 << 0)
    public static let leaveDocument = ValidationEvents(rawValue: 1 << 1)
    public static let enterOperation = ValidationEvents(rawValue: 1 << 2)
    public static let leaveOperation = ValidationEvents(rawValue: 1 << 3)
    public static let enterFragmentDefinition = ValidationEvents(rawValue: 1 << 4)
    public static let leaveFragmentDefinition = ValidationEvents(rawValue: 1 << 5)
    public static let enterVariableDefinition = ValidationEvents(rawValue: 1 << 6)
    public static let enterSelectionSet = ValidationEvents(rawValue: 1 << 7)
    public static let leaveSelectionSet = ValidationEvents(rawValue: 1 << 8)
    public static let enterField = ValidationEvents(rawValue: 1 << 9)
    public static let leaveField = ValidationEvents(rawValue: 1 << 10)
    public static let enterFragmentSpread = ValidationEvents(rawValue: 1 << 11)
    public static let enterInlineFragment = ValidationEvents(rawValue: 1 << 12)
    public static let leaveInlineFragment = ValidationEvents(rawValue: 1 << 13)
    public static let enterDirective = ValidationEvents(rawValue: 1 << 14)
    public static let leaveDirective = ValidationEvents(rawValue: 1 << 15)
    public static let enterArgument = ValidationEvents(rawValue: 1 << 16)
    public static let enterValue = ValidationEvents(rawValue: 1 << 17)
    public static let enterObjectField = ValidationEvents(rawValue: 1 << 18)

    static let count = 19
}
