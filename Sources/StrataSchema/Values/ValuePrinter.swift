public import StrataLanguage

/// Value literals as GraphQL source text (`{a: [1, "x"], b: RED}`), for messages and introspection.
public enum ValuePrinter {
    /// The literal as StrataLanguage's printer writes it.
    public static func print(_ value: Value) -> String { StrataLanguage.print(value) }
}

/// The text introspection reports as an input value's `defaultValue`: the literal as GraphQL source.
public func printedDefaultValue(_ value: Value) -> String { ValuePrinter.print(value) }
