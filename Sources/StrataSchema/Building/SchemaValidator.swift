import StrataLanguage

/// The type system rules of the GraphQL spec (§3 "Type System", graphql-js `validateSchema` and the SDL rules),
/// checked on an assembled schema. Each problem is reported at the node it concerns.
struct SchemaValidator {
    let schema: Schema
    let userTypeNames: [String]
    let locations: [String: Origin]
    var issues: SchemaIssues

    init(schema: Schema, userTypeNames: [String], locations: [String: Origin], issues: SchemaIssues) {
        self.schema = schema
        self.userTypeNames = userTypeNames
        self.locations = locations
        self.issues = issues
    }

    private func at(_ key: String) -> Origin? { locations[key] }

    /// The location of a part (`key#type`), falling back to the whole.
    private func at(_ key: String, part: String) -> Origin? { locations[key + "#" + part] ?? locations[key] }

    // MARK: Names

    private mutating func checkName(_ name: String, _ key: String) {
        if name.hasPrefix("__") {
            issues.report(
                "Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection.", at: at(key))
        }
    }

    // MARK: Types

    mutating func validateTypes() {
        for name in userTypeNames {
            checkName(name, name)
            switch schema.types[name] {
            case .object(let object):
                validateFields(object.fields, owner: name)
                validateImplementations(name, interfaces: object.interfaces, field: object.field)
            case .interface(let interface):
                validateFields(interface.fields, owner: name)
                validateImplementations(name, interfaces: interface.interfaces, field: interface.field)
            case .union(let union):
                validateUnion(union)
            case .enumType(let enumType):
                validateEnum(enumType)
            case .inputObject(let inputObject):
                validateInputObject(inputObject)
            case .scalar, .none:
                break
            }
        }
        var cycles = InputObjectCycleFinder(schema: schema)
        for name in userTypeNames {
            guard case .inputObject(let inputObject) = schema.types[name] else { continue }
            for cycle in cycles.cycles(from: inputObject) {
                let path = cycle.map(\.field).joined(separator: ".")
                issues.report(
                    "Cannot reference Input Object \"\(cycle[0].owner)\" within itself through a series of non-null fields: \"\(path)\".",
                    at: at("\(cycle[0].owner).\(cycle[0].field)"))
            }
        }
    }

    private mutating func validateFields(_ fields: [FieldDef], owner: String) {
        if fields.isEmpty {
            let kind = schema.types[owner]?.kind == .interface ? "Interface" : "Type"
            issues.report("\(kind) \(owner) must define one or more fields.", at: at(owner))
        }
        for field in fields {
            let coordinate = "\(owner).\(field.name)"
            checkName(field.name, coordinate)
            if let kind = schema.types[field.type.namedType]?.kind, !kind.isOutput {
                issues.report(
                    "The type of \(coordinate) must be Output Type but got: \(field.type).",
                    at: at(coordinate, part: "type"))
            }
            validateArguments(field.arguments, coordinate: { "\(coordinate)(\($0):)" })
        }
    }

    private mutating func validateArguments(_ arguments: [InputValueDef], coordinate: (String) -> String) {
        for argument in arguments {
            let key = coordinate(argument.name)
            checkName(argument.name, key)
            if let kind = schema.types[argument.type.namedType]?.kind, !kind.isInput {
                issues.report(
                    "The type of \(key) must be Input Type but got: \(argument.type).", at: at(key, part: "type"))
            }
            if argument.isRequired && argument.deprecationReason != nil {
                issues.report("Required argument \(key) cannot be deprecated.", at: at(key))
            }
        }
    }

    private mutating func validateImplementations(
        _ typeName: String, interfaces: [String], field: (String) -> FieldDef?
    ) {
        var seen: Set<String> = []
        for interfaceName in interfaces {
            let origin = at(typeName, part: "implements:\(interfaceName)")
            guard case .interface(let interface) = schema.types[interfaceName] else {
                issues.report(
                    "Type \(typeName) must only implement Interface types, it cannot implement \(interfaceName).",
                    at: origin)
                continue
            }
            if interfaceName == typeName {
                issues.report(
                    "Type \(typeName) cannot implement itself because it would create a circular reference.", at: origin)
                continue
            }
            guard seen.insert(interfaceName).inserted else {
                issues.report("Type \(typeName) can only implement \(interfaceName) once.", at: origin)
                continue
            }
            for ancestor in interface.interfaces {
                if ancestor == typeName {
                    issues.report(
                        "Type \(typeName) cannot implement \(interfaceName) because it would create a circular reference.",
                        at: origin)
                } else if !interfaces.contains(ancestor) {
                    issues.report(
                        "Type \(typeName) must implement \(ancestor) because it is implemented by \(interfaceName).",
                        at: origin)
                }
            }
            for interfaceField in interface.fields {
                let interfaceCoordinate = "\(interfaceName).\(interfaceField.name)"
                let coordinate = "\(typeName).\(interfaceField.name)"
                guard let implementation = field(interfaceField.name) else {
                    issues.report(
                        "Interface field \(interfaceCoordinate) expected but \(typeName) does not provide it.",
                        at: at(interfaceCoordinate), at(typeName))
                    continue
                }
                if !isSubType(implementation.type, of: interfaceField.type) {
                    issues.report(
                        "Interface field \(interfaceCoordinate) expects type \(interfaceField.type) but \(coordinate) is type \(implementation.type).",
                        at: at(interfaceCoordinate, part: "type"), at(coordinate, part: "type"))
                }
                for interfaceArgument in interfaceField.arguments {
                    let argumentName = interfaceArgument.name
                    guard let argument = implementation.argument(argumentName) else {
                        issues.report(
                            "Interface field argument \(interfaceCoordinate)(\(argumentName):) expected but \(coordinate) does not provide it.",
                            at: at("\(interfaceCoordinate)(\(argumentName):)"), at(coordinate))
                        continue
                    }
                    if argument.type != interfaceArgument.type {
                        issues.report(
                            "Interface field argument \(interfaceCoordinate)(\(argumentName):) expects type \(interfaceArgument.type) but \(coordinate)(\(argumentName):) is type \(argument.type).",
                            at: at("\(interfaceCoordinate)(\(argumentName):)", part: "type"),
                            at("\(coordinate)(\(argumentName):)", part: "type"))
                    }
                }
                for argument in implementation.arguments
                where argument.isRequired && interfaceField.argument(argument.name) == nil
                {
                    let kind = schema.types[typeName]?.kind == .interface ? "Interface" : "Object"
                    issues.report(
                        "\(kind) field \(coordinate) includes required argument \(argument.name) that is missing from the Interface field \(interfaceCoordinate).",
                        at: at("\(coordinate)(\(argument.name):)"), at(interfaceCoordinate))
                }
            }
        }
    }

    /// Whether a field of type `candidate` may implement an interface field of type `expected` (covariance).
    func isSubType(_ candidate: TypeRef, of expected: TypeRef) -> Bool {
        switch (candidate, expected) {
        case (.nonNull(let c), .nonNull(let e)): return isSubType(c, of: e)
        case (_, .nonNull): return false
        case (.nonNull(let c), _): return isSubType(c, of: expected)
        case (.list(let c), .list(let e)): return isSubType(c, of: e)
        case (_, .list), (.list, _): return false
        case (.named(let c), .named(let e)):
            if c == e { return true }
            guard let kind = schema.types[e]?.kind, kind.isAbstract else { return false }
            return schema.isSubType(e, c)
        }
    }

    private mutating func validateUnion(_ union: UnionType) {
        if union.members.isEmpty {
            issues.report("Union type \(union.name) must define one or more member types.", at: at(union.name))
        }
        var seen: Set<String> = []
        for member in union.members {
            let origin = at(union.name, part: "member:\(member)")
            guard seen.insert(member).inserted else {
                issues.report("Union type \(union.name) can only include type \(member) once.", at: origin)
                continue
            }
            if let kind = schema.types[member]?.kind, kind != .object {
                issues.report(
                    "Union type \(union.name) can only include Object types, it cannot include \(member).", at: origin)
            }
        }
    }

    private mutating func validateEnum(_ enumType: EnumType) {
        if enumType.values.isEmpty {
            issues.report("Enum type \(enumType.name) must define one or more values.", at: at(enumType.name))
        }
        for value in enumType.values {
            let key = "\(enumType.name).\(value.name)"
            checkName(value.name, key)
            if value.name == "true" || value.name == "false" || value.name == "null" {
                issues.report("Enum type \(enumType.name) cannot include value: \(value.name).", at: at(key))
            }
        }
    }

    private mutating func validateInputObject(_ inputObject: InputObjectType) {
        let name = inputObject.name
        if inputObject.fields.isEmpty {
            issues.report("Input Object type \(name) must define one or more fields.", at: at(name))
        }
        for field in inputObject.fields {
            let key = "\(name).\(field.name)"
            checkName(field.name, key)
            if let kind = schema.types[field.type.namedType]?.kind, !kind.isInput {
                issues.report("The type of \(key) must be Input Type but got: \(field.type).", at: at(key, part: "type"))
            }
            if field.isRequired && field.deprecationReason != nil {
                issues.report("Required input field \(key) cannot be deprecated.", at: at(key))
            }
            if inputObject.isOneOf {
                if field.type.isNonNull {
                    issues.report("OneOf input field \(key) must be nullable.", at: at(key, part: "type"))
                }
                if field.defaultValue != nil {
                    issues.report("OneOf input field \(key) cannot have a default value.", at: at(key))
                }
            }
        }
    }

    // MARK: Directive definitions

    mutating func validateDirectiveDefinitions(userDirectives: [String]) {
        for name in userDirectives {
            guard let directive = schema.directives[name] else { continue }
            checkName(name, "@\(name)")
            if directive.locations.isEmpty {
                issues.report("Directive @\(name) must include one or more locations.", at: at("@\(name)"))
            }
            validateArguments(directive.arguments, coordinate: { "@\(name)(\($0):)" })
            var search = DirectiveSelfReferenceSearch(schema: schema, target: name)
            if search.referencesTarget(from: directive) {
                issues.report(
                    "Directive \"@\(name)\" must not reference itself, directly or through the types of its arguments.",
                    at: at("@\(name)"))
            }
        }
    }

    // MARK: Root types

    mutating func validateRootTypes(schemaOrigin: Origin?) {
        var used: [String: OperationType] = [:]
        for operation in OperationType.allCases {
            let name: String?
            switch operation {
            case .query: name = schema.types[schema.queryTypeName] == nil ? nil : schema.queryTypeName
            case .mutation: name = schema.mutationTypeName
            case .subscription: name = schema.subscriptionTypeName
            }
            let origin = at("schema.\(operation.rawValue)") ?? name.flatMap { at($0) } ?? schemaOrigin
            let title = operation.rawValue.prefix(1).uppercased() + operation.rawValue.dropFirst()
            guard let name else {
                if operation == .query && at("schema.query") == nil {
                    issues.report("Query root type must be provided.", at: schemaOrigin)
                }
                continue
            }
            guard let type = schema.types[name] else { continue }  // reported as an unknown type
            if type.kind != .object {
                issues.report(
                    "\(title) root type must be Object type, it cannot be \(name).", at: origin)
            }
            if let other = used[name] {
                issues.report(
                    "All root types must be different, \"\(name)\" type is used as \(other.rawValue) and \(operation.rawValue) root types.",
                    at: origin)
            } else {
                used[name] = operation
            }
        }
    }

    // MARK: Directives applied in SDL

    mutating func validateDirectiveUses(_ uses: [SchemaAssembler.DirectiveUse]) {
        for use in uses where !use.directives.isEmpty {
            var firstUse: [String: Origin] = [:]
            for located in use.directives {
                let directive = located.node
                let name = directive.name.value
                let origin = Origin(document: located.document, span: directive.span)
                guard let definition = schema.directives[name] else {
                    issues.report("Unknown directive \"@\(name)\".", at: origin)
                    continue
                }
                if !definition.locations.contains(use.location) {
                    issues.report("Directive \"@\(name)\" may not be used on \(use.location.rawValue).", at: origin)
                }
                if !definition.isRepeatable {
                    if let first = firstUse[name] {
                        issues.report(
                            "The directive \"@\(name)\" can only be used once at this location.", at: first, origin)
                    } else {
                        firstUse[name] = origin
                    }
                }
                validateArguments(of: directive, definition, document: located.document)
            }
        }
    }

    private mutating func validateArguments(of directive: Directive, _ definition: DirectiveDef, document: Int) {
        var given: Set<String> = []
        for argument in directive.arguments {
            let argumentName = argument.name.value
            let origin = Origin(document: document, span: argument.name.span)
            guard let argumentDefinition = definition.argument(argumentName) else {
                issues.report("Unknown argument \"\(argumentName)\" on directive \"@\(definition.name)\".", at: origin)
                continue
            }
            guard given.insert(argumentName).inserted else {
                issues.report("There can be only one argument named \"\(argumentName)\".", at: origin)
                continue
            }
            if case .failure(let failure) = InputCoercion.coerceLiteral(
                argument.value, to: argumentDefinition.type, in: schema, variables: nil)
            {
                issues.report(
                    "Invalid value for argument \"@\(definition.name)(\(argumentName):)\": \(failure.message)",
                    at: Origin(document: document, span: failure.span ?? argument.value.span))
            }
        }
        for argumentDefinition in definition.arguments
        where argumentDefinition.isRequired && !given.contains(argumentDefinition.name)
        {
            issues.report(
                "Argument \"@\(definition.name)(\(argumentDefinition.name):)\" of type \"\(argumentDefinition.type)\" is required, but it was not provided.",
                at: Origin(document: document, span: directive.span))
        }
    }

    // MARK: Default values

    mutating func validateDefaults(_ checks: [SchemaAssembler.DefaultCheck]) {
        for check in checks {
            // Types that do not exist or are not input types were reported already.
            guard let kind = schema.types[check.type.namedType]?.kind, kind.isInput else { continue }
            if case .failure(let failure) = InputCoercion.coerceLiteral(
                check.value, to: check.type, in: schema, variables: nil)
            {
                var message = "\(check.label) has invalid default value"
                if !failure.path.isEmpty { message += " at \"\(failure.pathText(root: "value"))\"" }
                issues.report(
                    message + ": " + failure.message,
                    at: Origin(document: check.document, span: failure.span ?? check.value.span))
            }
        }
    }
}
