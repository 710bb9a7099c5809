/// The type-system grammar (SDL): schema, type and directive definitions, and their extensions.
extension Parser {
    /// A type-system definition whose keyword is at the lookahead, after an optional description that
    /// started at `start`. Returns nil, consuming nothing more, when the lookahead is not such a keyword.
    mutating func parseTypeSystemDefinition(
        description: StringValue?, start: UInt32
    ) throws(SyntaxError) -> Definition? {
        if isKeyword("schema") {
            try advance()
            let directives = try parseDirectives(constant: true)
            guard token.kind == .braceLeft else { throw expected("\"{\"") }
            let operationTypes = try parseOperationTypeDefinitions()
            return .schema(
                SchemaDefinition(
                    description: description, directives: directives, operationTypes: operationTypes,
                    span: span(from: start)))
        }
        if isKeyword("directive") {
            return .directive(try parseDirectiveDefinition(description: description, start: start))
        }
        return try parseTypeDefinition(description: description, start: start).map(Definition.type)
    }

    /// `extend` followed by `schema`, `scalar`, `type`, `interface`, `union`, `enum` or `input`; each must
    /// add at least one thing to what it extends.
    mutating func parseExtension() throws(SyntaxError) -> Definition {
        let start = token.start
        try advance()
        if try skipKeyword("schema") {
            let directives = try parseDirectives(constant: true)
            let operationTypes = try token.kind == .braceLeft ? parseOperationTypeDefinitions() : []
            if directives.isEmpty, operationTypes.isEmpty { throw expected("\"@\" or \"{\"") }
            return .schemaExtension(
                SchemaExtension(directives: directives, operationTypes: operationTypes, span: span(from: start)))
        }
        guard let type = try parseTypeDefinition(description: nil, start: start) else {
            throw expected("\"schema\", \"scalar\", \"type\", \"interface\", \"union\", \"enum\" or \"input\"")
        }
        let missing: String? =
            switch type {
            case .scalar(let scalar):
                scalar.directives.isEmpty ? "\"@\"" : nil
            case .object(let object):
                object.interfaces.isEmpty && object.directives.isEmpty && object.fields.isEmpty
                    ? "\"implements\", \"@\" or \"{\"" : nil
            case .interface(let interface):
                interface.interfaces.isEmpty && interface.directives.isEmpty && interface.fields.isEmpty
                    ? "\"implements\", \"@\" or \"{\"" : nil
            case .union(let union):
                union.directives.isEmpty && union.types.isEmpty ? "\"@\" or \"=\"" : nil
            case .enumType(let enumType):
                enumType.directives.isEmpty && enumType.values.isEmpty ? "\"@\" or \"{\"" : nil
            case .inputObject(let input):
                input.directives.isEmpty && input.fields.isEmpty ? "\"@\" or \"{\"" : nil
            }
        if let missing { throw expected(missing) }
        return .typeExtension(type)
    }

    // MARK: Schema

    /// `{ OperationTypeDefinition+ }`, each `OperationType : NamedType`.
    private mutating func parseOperationTypeDefinitions() throws(SyntaxError) -> [OperationTypeDefinition] {
        try expect(.braceLeft)
        var definitions: [OperationTypeDefinition] = []
        repeat {
            let start = token.start
            guard let operation = operationType else {
                throw expected("\"query\", \"mutation\" or \"subscription\"")
            }
            try advance()
            try expect(.colon)
            let type = try parseName()
            definitions.append(OperationTypeDefinition(operation: operation, type: type, span: span(from: start)))
        } while try !skip(.braceRight)
        return definitions
    }

    // MARK: Types

    /// A named type definition whose keyword is at the lookahead, or nil if there is no such keyword.
    private mutating func parseTypeDefinition(
        description: StringValue?, start: UInt32
    ) throws(SyntaxError) -> TypeDefinition? {
        if try skipKeyword("type") {
            let name = try parseName()
            let interfaces = try parseImplementsInterfaces()
            let directives = try parseDirectives(constant: true)
            let fields = try parseFieldDefinitions()
            return .object(
                ObjectTypeDefinition(
                    description: description, name: name, interfaces: interfaces, directives: directives,
                    fields: fields, span: span(from: start)))
        }
        if try skipKeyword("interface") {
            let name = try parseName()
            let interfaces = try parseImplementsInterfaces()
            let directives = try parseDirectives(constant: true)
            let fields = try parseFieldDefinitions()
            return .interface(
                InterfaceTypeDefinition(
                    description: description, name: name, interfaces: interfaces, directives: directives,
                    fields: fields, span: span(from: start)))
        }
        if try skipKeyword("input") {
            let name = try parseName()
            let directives = try parseDirectives(constant: true)
            let fields = try parseInputFieldDefinitions()
            return .inputObject(
                InputObjectTypeDefinition(
                    description: description, name: name, directives: directives, fields: fields,
                    span: span(from: start)))
        }
        if try skipKeyword("enum") {
            let name = try parseName()
            let directives = try parseDirectives(constant: true)
            let values = try parseEnumValueDefinitions()
            return .enumType(
                EnumTypeDefinition(
                    description: description, name: name, directives: directives, values: values,
                    span: span(from: start)))
        }
        if try skipKeyword("union") {
            let name = try parseName()
            let directives = try parseDirectives(constant: true)
            let types = try parseUnionMemberTypes()
            return .union(
                UnionTypeDefinition(
                    description: description, name: name, directives: directives, types: types,
                    span: span(from: start)))
        }
        if try skipKeyword("scalar") {
            let name = try parseName()
            let directives = try parseDirectives(constant: true)
            return .scalar(
                ScalarTypeDefinition(
                    description: description, name: name, directives: directives, span: span(from: start)))
        }
        return nil
    }

    /// `implements &? NamedType (& NamedType)*`, or nothing.
    private mutating func parseImplementsInterfaces() throws(SyntaxError) -> [Name] {
        guard try skipKeyword("implements") else { return [] }
        _ = try skip(.ampersand)
        var interfaces: [Name] = []
        repeat {
            interfaces.append(try parseName())
        } while try skip(.ampersand)
        return interfaces
    }

    /// `= |? NamedType (| NamedType)*`, or nothing.
    private mutating func parseUnionMemberTypes() throws(SyntaxError) -> [Name] {
        guard try skip(.equals) else { return [] }
        _ = try skip(.pipe)
        var types: [Name] = []
        repeat {
            types.append(try parseName())
        } while try skip(.pipe)
        return types
    }

    /// `{ FieldDefinition+ }`, or nothing; each `Description? Name ArgumentsDefinition? : Type Directives[Const]?`.
    private mutating func parseFieldDefinitions() throws(SyntaxError) -> [FieldDefinition] {
        guard try skip(.braceLeft) else { return [] }
        var fields: [FieldDefinition] = []
        repeat {
            let start = token.start
            let description = try parseDescription()
            let name = try parseName()
            let arguments = try parseArgumentDefinitions()
            try expect(.colon)
            let type = try parseTypeReference()
            let directives = try parseDirectives(constant: true)
            fields.append(
                FieldDefinition(
                    description: description, name: name, arguments: arguments, type: type, directives: directives,
                    span: span(from: start)))
        } while try !skip(.braceRight)
        return fields
    }

    /// `( InputValueDefinition+ )`, or nothing.
    private mutating func parseArgumentDefinitions() throws(SyntaxError) -> [InputValueDefinition] {
        guard try skip(.parenLeft) else { return [] }
        var arguments: [InputValueDefinition] = []
        repeat {
            arguments.append(try parseInputValueDefinition())
        } while try !skip(.parenRight)
        return arguments
    }

    /// `{ InputValueDefinition+ }`, or nothing.
    private mutating func parseInputFieldDefinitions() throws(SyntaxError) -> [InputValueDefinition] {
        guard try skip(.braceLeft) else { return [] }
        var fields: [InputValueDefinition] = []
        repeat {
            fields.append(try parseInputValueDefinition())
        } while try !skip(.braceRight)
        return fields
    }

    /// `Description? Name : Type DefaultValue? Directives[Const]?`
    private mutating func parseInputValueDefinition() throws(SyntaxError) -> InputValueDefinition {
        let start = token.start
        let description = try parseDescription()
        let name = try parseName()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try skip(.equals) ? parseValue(constant: true) : nil
        let directives = try parseDirectives(constant: true)
        return InputValueDefinition(
            description: description, name: name, type: type, defaultValue: defaultValue, directives: directives,
            span: span(from: start))
    }

    /// `{ EnumValueDefinition+ }`, or nothing; each `Description? EnumValue Directives[Const]?`, where the
    /// value is a name other than `true`, `false` and `null`.
    private mutating func parseEnumValueDefinitions() throws(SyntaxError) -> [EnumValueDefinition] {
        guard try skip(.braceLeft) else { return [] }
        var values: [EnumValueDefinition] = []
        repeat {
            let start = token.start
            let description = try parseDescription()
            if isKeyword("true") || isKeyword("false") || isKeyword("null") {
                throw expected("an enum value (true, false and null are reserved)")
            }
            let name = try parseName()
            let directives = try parseDirectives(constant: true)
            values.append(
                EnumValueDefinition(
                    description: description, name: name, directives: directives, span: span(from: start)))
        } while try !skip(.braceRight)
        return values
    }

    // MARK: Directives

    /// `directive @ Name ArgumentsDefinition? repeatable? on |? DirectiveLocation (| DirectiveLocation)*`
    private mutating func parseDirectiveDefinition(
        description: StringValue?, start: UInt32
    ) throws(SyntaxError) -> DirectiveDefinition {
        try advance()
        try expect(.at)
        let name = try parseName()
        let arguments = try parseArgumentDefinitions()
        let isRepeatable = try skipKeyword("repeatable")
        try expectKeyword("on")
        _ = try skip(.pipe)
        var locations: [Name] = []
        repeat {
            guard token.kind == .name, DirectiveLocation(rawValue: lexer.text(of: token)) != nil else {
                throw expected("a directive location")
            }
            locations.append(try parseName())
        } while try skip(.pipe)
        return DirectiveDefinition(
            description: description, name: name, arguments: arguments, isRepeatable: isRepeatable,
            locations: locations, span: span(from: start))
    }
}
