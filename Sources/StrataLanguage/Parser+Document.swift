/// Documents, definitions, and the executable grammar: operations, fragments and selection sets.
extension Parser {
    /// `Document : Definition+`. An empty document is an error.
    mutating func parseDocument() throws(SyntaxError) -> Document {
        var definitions: [Definition] = []
        nodes.pointee.reserve(byteCount: lexer.bytes.count)
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
        definitions.reserveCapacity(4)  // one allocation for the usual one to four variables
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

    /// `{ Selection+ }` of an operation or a fragment definition: a range of the tree `parseDocument` builds.
    mutating func parseSelectionSet() throws(SyntaxError) -> SelectionSet {
        let (range, span) = try parseSelections()
        return SelectionSet(tree: tree, range: range, span: span)
    }

    /// `{ Selection+ }`: the set's selections, as one range of the tree's selections, and its span.
    mutating func parseSelections() throws(SyntaxError) -> (NodeRange, SourceSpan) {
        let start = token.start
        guard token.kind == .braceLeft else { throw expected("\"{\"") }
        try enterNesting()
        try advance()
        let mark = nodes.pointee.pending.count
        repeat {
            let selection = try parseSelection()
            nodes.pointee.pending.append(selection)
        } while try !skip(.braceRight)
        leaveNesting()
        return (nodes.pointee.closeSet(from: mark), span(from: start))
    }

    private mutating func parseSelection() throws(SyntaxError) -> SelectionRecord {
        guard token.kind == .spread else { return try parseField() }
        let start = token.start
        try advance()
        if token.kind == .name, !isKeyword("on") {
            let (name, nameSpan) = try parseNameIndex()
            let directives = try parseDirectiveList()
            let index = nodes.pointee.spreads.append(
                SpreadRecord(span: span(from: start), nameSpan: nameSpan, name: name, directives: directives))
            return SelectionRecord(kind: .fragmentSpread, index: UInt32(truncatingIfNeeded: index))
        }
        var typeCondition: Int32 = -1
        var typeConditionSpan = SourceSpan.synthesized
        if try skipKeyword("on") { (typeCondition, typeConditionSpan) = try parseNameIndex() }
        let directives = try parseDirectiveList()
        let (selections, selectionSpan) = try parseSelections()
        let index = nodes.pointee.inlineFragments.append(
            InlineFragmentRecord(
                span: span(from: start), typeConditionSpan: typeConditionSpan, selectionSpan: selectionSpan,
                typeCondition: typeCondition, directives: directives, selections: selections))
        return SelectionRecord(kind: .inlineFragment, index: UInt32(truncatingIfNeeded: index))
    }

    /// `Alias? Name Arguments? Directives? SelectionSet?`
    private mutating func parseField() throws(SyntaxError) -> SelectionRecord {
        let start = token.start
        var (name, nameSpan) = try parseNameIndex()
        var alias: Int32 = -1
        var aliasSpan = SourceSpan.synthesized
        if try skip(.colon) {
            (alias, aliasSpan) = (name, nameSpan)
            (name, nameSpan) = try parseNameIndex()
        }
        let arguments = try parseArgumentList()
        let directives = try parseDirectiveList()
        var selections = NodeRange.absent
        var selectionSpan = SourceSpan.synthesized
        if token.kind == .braceLeft { (selections, selectionSpan) = try parseSelections() }
        let index = nodes.pointee.fields.append(
            FieldRecord(
                span: span(from: start), nameSpan: nameSpan, aliasSpan: aliasSpan, selectionSpan: selectionSpan,
                name: name, alias: alias, arguments: arguments, directives: directives, selections: selections))
        return SelectionRecord(kind: .field, index: UInt32(truncatingIfNeeded: index))
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
