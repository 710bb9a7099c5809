/// The five scalars every GraphQL schema has (spec §3.5).
enum BuiltInScalars {
    static let names = ["Int", "Float", "String", "Boolean", "ID"]

    static let types: [ScalarType] = [
        ScalarType(
            name: "Int", description: "A signed 32-bit integer, written in decimal."),
        ScalarType(
            name: "Float", description: "A signed double-precision floating-point number (IEEE 754)."),
        ScalarType(
            name: "String", description: "Text, as a sequence of Unicode characters encoded in UTF-8."),
        ScalarType(name: "Boolean", description: "Either `true` or `false`."),
        ScalarType(
            name: "ID",
            description:
                "A unique identifier, often used to refetch an object or as a cache key. Serialized like a String, but not meant to be read by people."
        ),
    ]
}

extension ScalarType {
    /// Whether `name` is one of the five scalars the specification defines (`Int`, `Float`, `String`, `Boolean`,
    /// `ID`).
    public static func isSpecified(_ name: String) -> Bool { BuiltInScalars.names.contains(name) }
}
