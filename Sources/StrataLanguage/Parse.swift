/// Parses a GraphQL document: executable definitions, type-system definitions, or both.
///
/// Throws at the first syntax error, or as soon as the document breaks one of the `options` limits.
public func parse(_ source: Source, options: ParseOptions = .default) throws(SyntaxError) -> Document {
    var parser = try Parser(bytes: source.bytes, options: options)
    return try parser.parseDocument()
}

/// Parses a GraphQL document given as text. Use `SyntaxError.graphQLError(source: Source(text))` to
/// report an error with its line and column.
public func parse(_ text: String, options: ParseOptions = .default) throws(SyntaxError) -> Document {
    try Parser.checkSize(text.utf8.count, options: options)
    return try parse(Source(text), options: options)
}

/// Parses a single value literal, such as `{a: [1, 2]}`. With `constant`, variables are refused.
public func parseValue(
    _ source: Source, constant: Bool = false, options: ParseOptions = .default
) throws(SyntaxError) -> Value {
    var parser = try Parser(bytes: source.bytes, options: options)
    let value = try parser.parseValue(constant: constant)
    try parser.expect(.endOfFile)
    return value
}

/// Parses a single value literal given as text.
public func parseValue(
    _ text: String, constant: Bool = false, options: ParseOptions = .default
) throws(SyntaxError) -> Value {
    try Parser.checkSize(text.utf8.count, options: options)
    return try parseValue(Source(text), constant: constant, options: options)
}

/// Parses a single type reference, such as `[String!]!`.
public func parseType(_ source: Source, options: ParseOptions = .default) throws(SyntaxError) -> TypeReference {
    var parser = try Parser(bytes: source.bytes, options: options)
    let type = try parser.parseTypeReference()
    try parser.expect(.endOfFile)
    return type
}

/// Parses a single type reference given as text.
public func parseType(_ text: String, options: ParseOptions = .default) throws(SyntaxError) -> TypeReference {
    try Parser.checkSize(text.utf8.count, options: options)
    return try parseType(Source(text), options: options)
}
