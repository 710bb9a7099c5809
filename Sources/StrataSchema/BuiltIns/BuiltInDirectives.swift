import StrataLanguage

/// The directives every schema has: `@skip`, `@include`, `@deprecated`, `@specifiedBy` and `@oneOf`.
public enum BuiltInDirectives {
    public static let names = ["skip", "include", "deprecated", "specifiedBy", "oneOf"]

    /// The reason `@deprecated` gives when none is written.
    public static let defaultDeprecationReason = "No longer supported"

    static let definitions: [DirectiveDef] = [
        DirectiveDef(
            name: "skip", description: "Leaves the field or fragment out of the result when `if` is true.",
            arguments: [InputValueDef(name: "if", description: "Skipped when true.", type: TypeRef(sdl: "Boolean!"))],
            locations: [.field, .fragmentSpread, .inlineFragment]),
        DirectiveDef(
            name: "include", description: "Keeps the field or fragment in the result only when `if` is true.",
            arguments: [InputValueDef(name: "if", description: "Included when true.", type: TypeRef(sdl: "Boolean!"))],
            locations: [.field, .fragmentSpread, .inlineFragment]),
        DirectiveDef(
            name: "deprecated", description: "Marks a part of the schema that clients should stop using.",
            arguments: [
                InputValueDef(
                    name: "reason",
                    description: "Why it was deprecated and, ideally, what to use instead (Markdown).",
                    type: .named("String"),
                    defaultValue: .string(StringValue(defaultDeprecationReason)))
            ],
            locations: [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue]),
        DirectiveDef(
            name: "specifiedBy", description: "Links a custom scalar to the document that specifies its behaviour.",
            arguments: [
                InputValueDef(
                    name: "url", description: "Where the specification of the scalar can be read.",
                    type: TypeRef(sdl: "String!"))
            ],
            locations: [.scalar]),
        DirectiveDef(
            name: "oneOf",
            description: "Makes an input object take exactly one of its fields, which must not be null.",
            locations: [.inputObject]),
    ]
}
