import StrataLanguage

/// Turns the added SDL documents into a `Schema`: collects definitions, merges extensions, resolves type
/// references and records where every named thing was written, for the validator's messages.
///
/// Problems that prevent a faithful model (duplicates, unknown types, bad extensions) are reported here;
/// the spec's type system rules are checked afterwards by `SchemaValidator`.
struct SchemaAssembler {
    /// A type definition with its extensions merged in.
    struct PendingType {
        var kind: TypeKind
        var definition: TypeDefinition
        var document: Int
        var directives: [Located<Directive>] = []
        var fields: [Located<FieldDefinition>] = []
        var interfaces: [Located<Name>] = []
        var members: [Located<Name>] = []
        var values: [Located<EnumValueDefinition>] = []
        var inputFields: [Located<InputValueDefinition>] = []
    }

    /// The directives applied at one place of the SDL, checked once directive definitions are known.
    struct DirectiveUse {
        var directives: [Located<Directive>]
        var location: DirectiveLocation
    }

    /// A default value to check against its type once the schema exists.
    struct DefaultCheck {
        var value: Value
        var type: TypeRef
        var document: Int
        /// `Argument "T.f(a:)"`, `Input field "I.f"`, `Argument "@d(a:)"`.
        var label: String
    }

    let documents: [Document]
    var issues = SchemaIssues()

    private var typeOrder: [String] = []
    private var pending: [String: PendingType] = [:]
    private var knownTypeNames: Set<String> = []
    private var directiveOrder: [String] = []
    private var directiveDefinitions: [String: Located<DirectiveDefinition>] = [:]
    private var schemaDefinition: Located<SchemaDefinition>?
    private var schemaExtensions: [Located<SchemaExtension>] = []

    /// Names of the types the documents define (built-in scalars they redeclare excluded), in definition order.
    private(set) var userTypeNames: [String] = []
    private(set) var userDirectiveNames: [String] = []
    /// Where things were written, keyed by schema coordinate (`T`, `T.f`, `T.f(a:)`, `@d`, `@d(a:)`), and by
    /// `coordinate#type`, `T#implements:I`, `U#member:M` for the parts of them.
    private(set) var locations: [String: Origin] = [:]
    private(set) var directiveUses: [DirectiveUse] = []
    private(set) var defaultChecks: [DefaultCheck] = []
    private(set) var schemaOrigin: Origin?

    init(documents: [Document]) {
        self.documents = documents
    }

    mutating func assemble() -> Schema? {
        collect()
        mergeExtensions()
        knownTypeNames = Set(pending.keys).union(BuiltInScalars.names).union(IntrospectionTypes.names)

        var types: [String: NamedType] = [:]
        types.reserveCapacity(typeOrder.count + 13)
        for scalar in BuiltInScalars.types { types[scalar.name] = .scalar(scalar) }
        for type in IntrospectionTypes.types { types[type.name] = type }
        for name in typeOrder {
            guard let type = pending[name] else { continue }
            types[name] = convert(type)
            userTypeNames.append(name)
        }

        var directives: [String: DirectiveDef] = [:]
        for directive in BuiltInDirectives.definitions { directives[directive.name] = directive }
        for name in directiveOrder {
            guard let definition = directiveDefinitions[name] else { continue }
            directives[name] = convert(definition)
            userDirectiveNames.append(name)
        }
        var directiveNames = BuiltInDirectives.names
        for name in directiveOrder where !BuiltInDirectives.names.contains(name) { directiveNames.append(name) }

        let roots = rootTypeNames()
        var schemaDirectives: [Located<Directive>] = []
        if let schemaDefinition {
            schemaDirectives += schemaDefinition.node.directives.map { Located($0, schemaDefinition.document) }
        }
        for e in schemaExtensions { schemaDirectives += e.node.directives.map { Located($0, e.document) } }
        directiveUses.append(DirectiveUse(directives: schemaDirectives, location: .schema))

        return Schema(
            description: schemaDefinition?.node.description?.value,
            queryTypeName: roots.query ?? "", mutationTypeName: roots.mutation,
            subscriptionTypeName: roots.subscription, types: types,
            typeNames: userTypeNames + BuiltInScalars.names + IntrospectionTypes.names,
            directives: directives, directiveNames: directiveNames,
            appliedDirectives: schemaDirectives.map(\.node))
    }

    // MARK: Collecting

    private mutating func collect() {
        for (index, document) in documents.enumerated() {
            for definition in document.definitions {
                switch definition {
                case .operation(let operation):
                    issues.report(
                        "Operations are not allowed in a schema document.", at: Origin(document: index, span: operation.span))
                case .fragment(let fragment):
                    issues.report(
                        "Fragments are not allowed in a schema document.", at: Origin(document: index, span: fragment.span))
                case .schema(let schema):
                    if schemaDefinition != nil {
                        issues.report(
                            "Must provide only one schema definition.", at: Origin(document: index, span: schema.span))
                    } else {
                        schemaDefinition = Located(schema, index)
                        schemaOrigin = Origin(document: index, span: schema.span)
                    }
                case .schemaExtension(let schemaExtension):
                    schemaExtensions.append(Located(schemaExtension, index))
                case .type(let type):
                    collect(type, document: index)
                case .typeExtension:
                    break  // merged once every definition is known
                case .directive(let directive):
                    let name = directive.name.value
                    if directiveDefinitions[name] != nil {
                        issues.report(
                            "There can be only one directive named \"@\(name)\".",
                            at: Origin(document: index, span: directive.name.span))
                    } else {
                        directiveDefinitions[name] = Located(directive, index)
                        directiveOrder.append(name)
                    }
                }
            }
        }
    }

    private mutating func collect(_ type: TypeDefinition, document: Int) {
        let name = type.name.value
        let origin = Origin(document: document, span: type.name.span)
        if BuiltInScalars.names.contains(name) {
            if case .scalar = type { return }  // redeclaring a built-in scalar is harmless; the built-in wins
            issues.report("Type \"\(name)\" is a built-in scalar and cannot be redefined.", at: origin)
            return
        }
        if pending[name] != nil {
            issues.report("There can be only one type named \"\(name)\".", at: origin)
            return
        }
        var entry = PendingType(kind: Self.kind(of: type), definition: type, document: document)
        entry.add(type, document: document)
        pending[name] = entry
        typeOrder.append(name)
        locations[name] = origin
    }

    private mutating func mergeExtensions() {
        for (index, document) in documents.enumerated() {
            for case .typeExtension(let type) in document.definitions {
                let name = type.name.value
                let origin = Origin(document: index, span: type.name.span)
                guard var entry = pending[name] else {
                    if BuiltInScalars.names.contains(name) {
                        issues.report("Cannot extend the built-in scalar \"\(name)\".", at: origin)
                    } else {
                        issues.report("Cannot extend type \"\(name)\" because it is not defined.", at: origin)
                    }
                    continue
                }
                let kind = Self.kind(of: type)
                guard kind == entry.kind else {
                    issues.report("Cannot extend non-\(Self.kindWord(kind)) type \"\(name)\".", at: origin)
                    continue
                }
                entry.add(type, document: index)
                pending[name] = entry
            }
        }
    }

    static func kind(of type: TypeDefinition) -> TypeKind {
        switch type {
        case .scalar: .scalar
        case .object: .object
        case .interface: .interface
        case .union: .union
        case .enumType: .enumType
        case .inputObject: .inputObject
        }
    }

    static func kindWord(_ kind: TypeKind) -> String {
        switch kind {
        case .scalar: "scalar"
        case .object: "object"
        case .interface: "interface"
        case .union: "union"
        case .enumType: "enum"
        case .inputObject: "input object"
        }
    }

    // MARK: Converting

    private mutating func record(_ key: String, _ document: Int, _ span: SourceSpan) {
        if locations[key] == nil { locations[key] = Origin(document: document, span: span) }
    }

    private mutating func typeRef(_ reference: TypeReference, document: Int) -> TypeRef {
        switch reference {
        case .named(let name):
            if !knownTypeNames.contains(name.value) {
                issues.report("Unknown type \"\(name.value)\".", at: Origin(document: document, span: name.span))
            }
            return .named(name.value)
        case .list(let inner, _): return .list(typeRef(inner, document: document))
        case .nonNull(let inner, _): return .nonNull(typeRef(inner, document: document))
        }
    }

    private mutating func convert(_ type: PendingType) -> NamedType {
        let name = type.definition.name.value
        let description = Self.description(of: type.definition)
        let directives = type.directives.map(\.node)
        switch type.kind {
        case .scalar:
            directiveUses.append(DirectiveUse(directives: type.directives, location: .scalar))
            return .scalar(
                ScalarType(
                    name: name, description: description, specifiedByURL: Self.specifiedByURL(directives),
                    appliedDirectives: directives))
        case .object, .interface:
            directiveUses.append(
                DirectiveUse(directives: type.directives, location: type.kind == .object ? .object : .interface))
            let fields = convertFields(type.fields, owner: name)
            var interfaces: [String] = []
            for interface in type.interfaces {
                let interfaceName = interface.node.value
                if interfaces.contains(interfaceName) {
                    issues.report(
                        "Type \(name) can only implement \(interfaceName) once.",
                        at: Origin(document: interface.document, span: interface.node.span))
                    continue
                }
                record("\(name)#implements:\(interfaceName)", interface.document, interface.node.span)
                if !knownTypeNames.contains(interfaceName) {
                    issues.report(
                        "Unknown type \"\(interfaceName)\".",
                        at: Origin(document: interface.document, span: interface.node.span))
                    continue
                }
                interfaces.append(interfaceName)
            }
            if type.kind == .object {
                return .object(
                    ObjectType(
                        name: name, description: description, interfaces: interfaces, fields: fields,
                        appliedDirectives: directives))
            }
            return .interface(
                InterfaceType(
                    name: name, description: description, interfaces: interfaces, fields: fields,
                    appliedDirectives: directives))
        case .union:
            directiveUses.append(DirectiveUse(directives: type.directives, location: .union))
            var members: [String] = []
            for member in type.members {
                let memberName = member.node.value
                if members.contains(memberName) {
                    issues.report(
                        "Union type \(name) can only include type \(memberName) once.",
                        at: Origin(document: member.document, span: member.node.span))
                    continue
                }
                record("\(name)#member:\(memberName)", member.document, member.node.span)
                if !knownTypeNames.contains(memberName) {
                    issues.report(
                        "Unknown type \"\(memberName)\".", at: Origin(document: member.document, span: member.node.span))
                    continue
                }
                members.append(memberName)
            }
            return .union(UnionType(name: name, description: description, members: members, appliedDirectives: directives))
        case .enumType:
            directiveUses.append(DirectiveUse(directives: type.directives, location: .enumType))
            var values: [EnumValueDef] = []
            var seen: Set<String> = []
            for value in type.values {
                let valueName = value.node.name.value
                let origin = Origin(document: value.document, span: value.node.name.span)
                guard seen.insert(valueName).inserted else {
                    issues.report("Enum value \"\(name).\(valueName)\" can only be defined once.", at: origin)
                    continue
                }
                record("\(name).\(valueName)", value.document, value.node.name.span)
                directiveUses.append(
                    DirectiveUse(
                        directives: value.node.directives.map { Located($0, value.document) }, location: .enumValue))
                values.append(
                    EnumValueDef(
                        name: valueName, description: value.node.description?.value,
                        deprecationReason: Self.deprecationReason(value.node.directives),
                        appliedDirectives: value.node.directives))
            }
            return .enumType(EnumType(name: name, description: description, values: values, appliedDirectives: directives))
        case .inputObject:
            directiveUses.append(DirectiveUse(directives: type.directives, location: .inputObject))
            let fields = convertInputValues(
                type.inputFields, coordinate: { "\(name).\($0)" }, label: "Input field", duplicateLabel: "Field",
                location: .inputFieldDefinition)
            return .inputObject(
                InputObjectType(
                    name: name, description: description, fields: fields,
                    isOneOf: directives.contains { $0.name.value == "oneOf" }, appliedDirectives: directives))
        }
    }

    private mutating func convertFields(_ fields: [Located<FieldDefinition>], owner: String) -> [FieldDef] {
        var result: [FieldDef] = []
        result.reserveCapacity(fields.count)
        var seen: Set<String> = []
        for located in fields {
            let field = located.node
            let coordinate = "\(owner).\(field.name.value)"
            guard seen.insert(field.name.value).inserted else {
                issues.report(
                    "Field \"\(coordinate)\" can only be defined once.",
                    at: Origin(document: located.document, span: field.name.span))
                continue
            }
            record(coordinate, located.document, field.name.span)
            record(coordinate + "#type", located.document, field.type.span)
            directiveUses.append(
                DirectiveUse(directives: field.directives.map { Located($0, located.document) }, location: .fieldDefinition))
            let arguments = convertInputValues(
                field.arguments.map { Located($0, located.document) }, coordinate: { "\(coordinate)(\($0):)" },
                label: "Argument", duplicateLabel: "Argument", location: .argumentDefinition)
            result.append(
                FieldDef(
                    name: field.name.value, description: field.description?.value, arguments: arguments,
                    type: typeRef(field.type, document: located.document),
                    deprecationReason: Self.deprecationReason(field.directives), appliedDirectives: field.directives))
        }
        return result
    }

    private mutating func convertInputValues(
        _ values: [Located<InputValueDefinition>], coordinate: (String) -> String, label: String,
        duplicateLabel: String, location: DirectiveLocation
    ) -> [InputValueDef] {
        var result: [InputValueDef] = []
        result.reserveCapacity(values.count)
        var seen: Set<String> = []
        for located in values {
            let value = located.node
            let key = coordinate(value.name.value)
            guard seen.insert(value.name.value).inserted else {
                issues.report(
                    "\(duplicateLabel) \"\(key)\" can only be defined once.",
                    at: Origin(document: located.document, span: value.name.span))
                continue
            }
            record(key, located.document, value.name.span)
            record(key + "#type", located.document, value.type.span)
            directiveUses.append(
                DirectiveUse(directives: value.directives.map { Located($0, located.document) }, location: location))
            let type = typeRef(value.type, document: located.document)
            if let defaultValue = value.defaultValue {
                defaultChecks.append(
                    DefaultCheck(value: defaultValue, type: type, document: located.document, label: "\(label) \"\(key)\""))
            }
            result.append(
                InputValueDef(
                    name: value.name.value, description: value.description?.value, type: type,
                    defaultValue: value.defaultValue, deprecationReason: Self.deprecationReason(value.directives),
                    appliedDirectives: value.directives))
        }
        return result
    }

    private mutating func convert(_ located: Located<DirectiveDefinition>) -> DirectiveDef {
        let definition = located.node
        let name = definition.name.value
        record("@\(name)", located.document, definition.name.span)
        let arguments = convertInputValues(
            definition.arguments.map { Located($0, located.document) }, coordinate: { "@\(name)(\($0):)" },
            label: "Argument", duplicateLabel: "Argument", location: .argumentDefinition)
        var locations: [DirectiveLocation] = []
        for location in definition.locations {
            guard let known = DirectiveLocation(rawValue: location.value) else {
                issues.report(
                    "Unknown directive location \"\(location.value)\".",
                    at: Origin(document: located.document, span: location.span))
                continue
            }
            if locations.contains(known) {
                issues.report(
                    "Directive \"@\(name)\" lists the location \(known.rawValue) more than once.",
                    at: Origin(document: located.document, span: location.span))
                continue
            }
            locations.append(known)
        }
        return DirectiveDef(
            name: name, description: definition.description?.value, arguments: arguments, locations: locations,
            isRepeatable: definition.isRepeatable)
    }

    private mutating func rootTypeNames() -> (query: String?, mutation: String?, subscription: String?) {
        var roots: [OperationType: String] = [:]
        var operations: [Located<OperationTypeDefinition>] = []
        if let schemaDefinition { operations += schemaDefinition.node.operationTypes.map { Located($0, schemaDefinition.document) } }
        for e in schemaExtensions { operations += e.node.operationTypes.map { Located($0, e.document) } }
        for located in operations {
            let operation = located.node
            let origin = Origin(document: located.document, span: operation.span)
            if roots[operation.operation] != nil {
                issues.report(
                    "Type for \(operation.operation.rawValue) already defined in the schema. It cannot be redefined.",
                    at: origin)
                continue
            }
            let typeName = operation.type.value
            record("schema.\(operation.operation.rawValue)", located.document, operation.type.span)
            if !knownTypeNames.contains(typeName) {
                issues.report(
                    "Unknown type \"\(typeName)\".", at: Origin(document: located.document, span: operation.type.span))
            }
            roots[operation.operation] = typeName
        }
        if schemaDefinition == nil {
            // No schema definition: roots no `extend schema` named are the types with the conventional names.
            if roots[.query] == nil, pending["Query"] != nil { roots[.query] = "Query" }
            if roots[.mutation] == nil, pending["Mutation"] != nil { roots[.mutation] = "Mutation" }
            if roots[.subscription] == nil, pending["Subscription"] != nil { roots[.subscription] = "Subscription" }
        }
        return (roots[.query], roots[.mutation], roots[.subscription])
    }

    // MARK: Directive-derived properties

    static func description(of type: TypeDefinition) -> String? {
        switch type {
        case .scalar(let d): d.description?.value
        case .object(let d): d.description?.value
        case .interface(let d): d.description?.value
        case .union(let d): d.description?.value
        case .enumType(let d): d.description?.value
        case .inputObject(let d): d.description?.value
        }
    }

    static func deprecationReason(_ directives: [Directive]) -> String? {
        guard let directive = directives.first(where: { $0.name.value == "deprecated" }) else { return nil }
        if let argument = directive.arguments.first(where: { $0.name.value == "reason" }),
            case .string(let reason) = argument.value
        {
            return reason.value
        }
        return BuiltInDirectives.defaultDeprecationReason
    }

    static func specifiedByURL(_ directives: [Directive]) -> String? {
        guard let directive = directives.first(where: { $0.name.value == "specifiedBy" }),
            let argument = directive.arguments.first(where: { $0.name.value == "url" }),
            case .string(let url) = argument.value
        else { return nil }
        return url.value
    }
}

extension SchemaAssembler.PendingType {
    /// Appends the members of a definition or extension of this type.
    mutating func add(_ type: TypeDefinition, document: Int) {
        directives += type.directives.map { Located($0, document) }
        switch type {
        case .scalar: break
        case .object(let d):
            fields += d.fields.map { Located($0, document) }
            interfaces += d.interfaces.map { Located($0, document) }
        case .interface(let d):
            fields += d.fields.map { Located($0, document) }
            interfaces += d.interfaces.map { Located($0, document) }
        case .union(let d): members += d.types.map { Located($0, document) }
        case .enumType(let d): values += d.values.map { Located($0, document) }
        case .inputObject(let d): inputFields += d.fields.map { Located($0, document) }
        }
    }
}
