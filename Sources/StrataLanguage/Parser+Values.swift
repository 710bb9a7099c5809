/// Values, type references, arguments and directives: the grammar shared by executable and SDL documents.
/// `constant` is the `[Const]` parameter of the grammar: when set, variables are refused.
extension Parser {
    // MARK: Values

    /// `Value[?Const]`
    mutating func parseValue(constant: Bool) throws(SyntaxError) -> Value {
        let start = token.start
        switch token.kind {
        case .bracketLeft:
            try enterNesting()
            try advance()
            var items: [Value] = []
            while try !skip(.bracketRight) {
                items.append(try parseValue(constant: constant))
            }
            leaveNesting()
            return .list(items, span(from: start))
        case .braceLeft:
            try enterNesting()
            try advance()
            var fields: [ObjectField] = []
            while try !skip(.braceRight) {
                let fieldStart = token.start
                let name = try parseName()
                try expect(.colon)
                let value = try parseValue(constant: constant)
                fields.append(ObjectField(span: span(from: fieldStart), name: name, value: value))
            }
            leaveNesting()
            return .object(fields, span(from: start))
        case .int:
            let text = lexer.text(of: token)
            try advance()
            return .int(text, span(from: start))
        case .float:
            let text = lexer.text(of: token)
            try advance()
            return .float(text, span(from: start))
        case .string, .blockString:
            return .string(try parseStringValue())
        case .name:
            if try skipKeyword("true") { return .boolean(true, span(from: start)) }
            if try skipKeyword("false") { return .boolean(false, span(from: start)) }
            if try skipKeyword("null") { return .null(span(from: start)) }
            return .enumValue(try parseName())
        case .dollar where !constant:
            return .variable(try parseVariableName())
        case .dollar:
            let variable = try parseVariableName()
            throw SyntaxError(
                "Expected a constant value, found variable \"$\(variable.value)\".", at: variable.span)
        default:
            throw expected("a value")
        }
    }

    /// `$ Name`; the returned name's span covers the `$`.
    mutating func parseVariableName() throws(SyntaxError) -> Name {
        let start = token.start
        try expect(.dollar)
        var name = try parseName()
        name.span = span(from: start)
        return name
    }

    /// A `"…"` or `"""…"""` literal.
    mutating func parseStringValue() throws(SyntaxError) -> StringValue {
        let literal = token
        let value: StringValue
        switch literal.kind {
        case .string: value = StringValue(lexer.stringValue(of: literal), isBlock: false, span: literal.span)
        case .blockString: value = StringValue(lexer.blockStringValue(of: literal), isBlock: true, span: literal.span)
        default: throw expected("String")
        }
        try advance()
        return value
    }

    /// An optional description: a string literal before a type-system definition.
    mutating func parseDescription() throws(SyntaxError) -> StringValue? {
        try token.kind == .string || token.kind == .blockString ? parseStringValue() : nil
    }

    // MARK: Types

    /// `NamedType`, `[ Type ]`, either followed by an optional `!`.
    mutating func parseTypeReference() throws(SyntaxError) -> TypeReference {
        let start = token.start
        var type: TypeReference
        if token.kind == .bracketLeft {
            try enterNesting()
            try advance()
            let itemType = try parseTypeReference()
            try expect(.bracketRight)
            leaveNesting()
            type = .list(itemType, span(from: start))
        } else {
            type = .named(try parseName())
        }
        if try skip(.bang) { type = .nonNull(type, span(from: start)) }
        return type
    }

    // MARK: Arguments and directives

    /// `( Argument[?Const]+ )`, or nothing.
    mutating func parseArguments(constant: Bool) throws(SyntaxError) -> [Argument] {
        guard try skip(.parenLeft) else { return [] }
        var arguments: [Argument] = []
        arguments.reserveCapacity(4)  // one allocation for the usual one to four arguments
        repeat {
            arguments.append(try parseArgument(constant: constant))
        } while try !skip(.parenRight)
        return arguments
    }

    /// `Name : Value[?Const]`
    private mutating func parseArgument(constant: Bool) throws(SyntaxError) -> Argument {
        let start = token.start
        let name = try parseName()
        try expect(.colon)
        let value = try parseValue(constant: constant)
        return Argument(span: span(from: start), name: name, value: value)
    }

    /// A selection's `( Argument+ )`, appended to the selection tree's arguments; an empty range without one.
    mutating func parseArgumentList() throws(SyntaxError) -> NodeRange {
        guard try skip(.parenLeft) else { return .empty }
        let first = nodes.pointee.arguments.count
        repeat {
            let argument = try parseArgument(constant: false)
            nodes.pointee.arguments.append(argument)
        } while try !skip(.parenRight)
        return NodeRange(from: first, to: nodes.pointee.arguments.count)
    }

    /// A selection's directives, appended to the selection tree's directives; an empty range without any.
    mutating func parseDirectiveList() throws(SyntaxError) -> NodeRange {
        guard token.kind == .at else { return .empty }
        let first = nodes.pointee.directives.count
        repeat {
            let directive = try parseDirective(constant: false)
            nodes.pointee.directives.append(directive)
        } while token.kind == .at
        return NodeRange(from: first, to: nodes.pointee.directives.count)
    }

    /// `Directive[?Const]*`: each `@ Name Arguments[?Const]?`.
    mutating func parseDirectives(constant: Bool) throws(SyntaxError) -> [Directive] {
        guard token.kind == .at else { return [] }
        var directives: [Directive] = []
        repeat {
            directives.append(try parseDirective(constant: constant))
        } while token.kind == .at
        return directives
    }

    /// `@ Name Arguments[?Const]?`
    private mutating func parseDirective(constant: Bool) throws(SyntaxError) -> Directive {
        let start = token.start
        try advance()
        let name = try parseName()
        let arguments = try parseArguments(constant: constant)
        return Directive(span: span(from: start), name: name, arguments: arguments)
    }
}
