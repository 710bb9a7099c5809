/// Documents, definitions, and the executable grammar: operations, fragments and selection sets.
extension Parser {
    /// `Document : Definition+`. An empty document is an error.
    mutating func parseDocument() throws(SyntaxError) -> Document {
        var definitions: [Definition] = []
        repeat {
            definitions.append(try parseDefinition())
        } while token.kind != .endOfFile
        return Document(definitions: definitions, span: SourceSpan(0, lexer.bytes.count))
    }

    private mutating func parseDefinition() throws(SyntaxError) -> Definition {
        switch token.kind {
        case .braceLeft:
            return .operation(try parseOperationDefinition())
        case .string, .blockString:
            let start = token.start
            let description = try parseStringValue()
            guard let definition = try parseTypeSystemDefinition(description: description, start: start) else {
                if token.kind == .name {  // `query`, `fragment`, `extend`…: reported at the description
                    throw SyntaxError(
                        "Unexpected description, descriptions are supported only on type definitions.",
                        at: SourceSpan(start: start, end: start))
                }
                throw expected("a type-system definition after a description")
            }
            return definition
        case .name:
            if operationType != nil { return .operation(try parseOperationDefinition()) }
            if isKeyword("fragment") { return .fragment(try parseFragmentDefinition()) }
            if isKeyword("extend") { return try parseExtension() }
            if let definition = try parseTypeSystemDefinition(description: nil, start: token.start) {
                return definition
            }
        default:
            break
        }
        throw expected("a definition")
    }

    // MARK: Operations

    /// The operation keyword at the lookahead, if any.
    var operationType: OperationType? {
        guard token.kind == .name else { return nil }
        if isKeyword("query") { return .query }
        if isKeyword("mutation") { return .mutation }
        if isKeyword("subscription") { return .subscription }
        return nil
    }

    /// `OperationType Name? VariablesDefinition? Directives? SelectionSet`, or the `{ … }` shorthand.
    mutating func parseOperationDefinition() throws(SyntaxError) -> OperationDefinition {
        let start = token.start
        guard let operation = operationType else {
            let selectionSet = try parseSelectionSet()
            return OperationDefinition(
                span: span(from: start), operation: .query, name: nil, variableDefinitions: [], directives: [],
                selectionSet: selectionSet)
        }
        try advance()
        let name = try token.kind == .name ? parseName() : nil
        let variableDefinitions = try parseVariableDefinitions()
        let directives = try parseDirectives(constant: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinition(
            span: span(from: start), operation: operation, name: name, variableDefinitions: variableDefinitions,
            directives: directives, selectionSet: selectionSet)
    }

    /// `( VariableDefinition+ )`, or nothing.
    private mutating func parseVariableDefinitions() throws(SyntaxError) -> [VariableDefinition] {
        guard try skip(.parenLeft) else { return [] }
        var definitions: [VariableDefinition] = []
        repeat {
            definitions.append(try parseVariableDefinition())
        } while try !skip(.parenRight)
        return definitions
    }

    /// `$name : Type DefaultValue? Directives[Const]?`
    private mutating func parseVariableDefinition() throws(SyntaxError) -> VariableDefinition {
        let start = token.start
        let variable = try parseVariableName()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try skip(.equals) ? parseValue(constant: true) : nil
        let directives = try parseDirectives(constant: true)
        return VariableDefinition(
            span: span(from: start), variable: variable, type: type, defaultValue: defaultValue,
            directives: directives)
    }

    // MARK: Selections

    /// `{ Selection+ }`
    mutating func parseSelectionSet() throws(SyntaxError) -> SelectionSet {
        let start = token.start
        guard token.kind == .braceLeft else { throw expected("\"{\"") }
        try enterNesting()
        try advance()
        var selections: [Selection] = []
        // Room for eight: a third of the selection sets in the benchmark corpus hold five to eight selections,
        // and growing from four cost a second allocation and a copy (3% of the parser's instructions).
        selections.reserveCapacity(8)
        repeat {
            selections.append(try parseSelection())
        } while try !skip(.braceRight)
        leaveNesting()
        return SelectionSet(selections: selections, span: span(from: start))
    }

    private mutating func parseSelection() throws(SyntaxError) -> Selection {
        guard token.kind == .spread else { return try parseField() }
        let start = token.start
        try advance()
        if token.kind == .name, !isKeyword("on") {
            let name = try parseName()
            let directives = try parseDirectives(constant: false)
            return .fragmentSpread(FragmentSpread(span: span(from: start), name: name, directives: directives))
        }
        let typeCondition = try skipKeyword("on") ? parseName() : nil
        let directives = try parseDirectives(constant: false)
        let selectionSet = try parseSelectionSet()
        return .inlineFragment(
            InlineFragment(
                span: span(from: start), typeCondition: typeCondition, directives: directives,
                selectionSet: selectionSet))
    }

    /// `Alias? Name Arguments? Directives? SelectionSet?`
    private mutating func parseField() throws(SyntaxError) -> Selection {
        let start = token.start
        let alias: Name?
        let name: Name
        let first = try parseName()
        if try skip(.colon) {
            alias = first
            name = try parseName()
        } else {
            alias = nil
            name = first
        }
        let arguments = try parseArguments(constant: false)
        let directives = try parseDirectives(constant: false)
        let selectionSet = try token.kind == .braceLeft ? parseSelectionSet() : nil
        return .field(
            Field(
                span: span(from: start), alias: alias, name: name, arguments: arguments, directives: directives,
                selectionSet: selectionSet))
    }

    // MARK: Fragments

    /// `fragment FragmentName on NamedType Directives? SelectionSet`; the name may not be `on`.
    private mutating func parseFragmentDefinition() throws(SyntaxError) -> FragmentDefinition {
        let start = token.start
        try advance()
        if isKeyword("on") { throw expected("a fragment name") }
        let name = try parseName()
        try expectKeyword("on")
        let typeCondition = try parseName()
        let directives = try parseDirectives(constant: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinition(
            span: span(from: start), name: name, typeCondition: typeCondition, directives: directives,
            selectionSet: selectionSet)
    }
}
