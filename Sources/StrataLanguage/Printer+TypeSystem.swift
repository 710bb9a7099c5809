/// Type-system definitions and extensions.
extension Printer {
    mutating func write(_ schema: SchemaDefinition) {
        writeDescription(schema.description)
        output += "schema"
        write(schema.directives)
        write(schema.operationTypes)
    }

    mutating func write(_ schemaExtension: SchemaExtension) {
        output += "extend schema"
        write(schemaExtension.directives)
        write(schemaExtension.operationTypes)
    }

    private mutating func write(_ operationTypes: [OperationTypeDefinition]) {
        writeBlock(operationTypes) { printer, operationType in
            printer.output += operationType.operation.rawValue + ": " + operationType.type.value
        }
    }

    /// A named type definition, or with `isExtension` its `extend` form (which has no description).
    mutating func write(_ type: TypeDefinition, isExtension: Bool) {
        if isExtension { output += "extend " } else { writeDescription(Self.description(of: type)) }
        switch type {
        case .scalar(let scalar):
            output += "scalar " + scalar.name.value
            write(scalar.directives)
        case .object(let object):
            output += "type " + object.name.value
            writeImplements(object.interfaces)
            write(object.directives)
            writeBlock(object.fields) { printer, field in printer.write(field) }
        case .interface(let interface):
            output += "interface " + interface.name.value
            writeImplements(interface.interfaces)
            write(interface.directives)
            writeBlock(interface.fields) { printer, field in printer.write(field) }
        case .union(let union):
            output += "union " + union.name.value
            write(union.directives)
            if !union.types.isEmpty {
                output += " = " + union.types.map(\.value).joined(separator: " | ")
            }
        case .enumType(let enumType):
            output += "enum " + enumType.name.value
            write(enumType.directives)
            writeBlock(enumType.values) { printer, value in
                printer.writeDescription(value.description)
                printer.output += value.name.value
                printer.write(value.directives)
            }
        case .inputObject(let input):
            output += "input " + input.name.value
            write(input.directives)
            writeBlock(input.fields) { printer, field in printer.write(field) }
        }
    }

    mutating func write(_ directive: DirectiveDefinition) {
        writeDescription(directive.description)
        output += "directive @" + directive.name.value
        write(directive.arguments)
        if directive.isRepeatable { output += " repeatable" }
        output += " on " + directive.locations.map(\.value).joined(separator: " | ")
    }

    // MARK: Parts

    private static func description(of type: TypeDefinition) -> StringValue? {
        switch type {
        case .scalar(let scalar): scalar.description
        case .object(let object): object.description
        case .interface(let interface): interface.description
        case .union(let union): union.description
        case .enumType(let enumType): enumType.description
        case .inputObject(let input): input.description
        }
    }

    private mutating func write(_ field: FieldDefinition) {
        writeDescription(field.description)
        output += field.name.value
        write(field.arguments)
        output += ": " + field.type.description
        write(field.directives)
    }

    /// Argument definitions: on one line, or one per line when any has a description.
    private mutating func write(_ arguments: [InputValueDefinition]) {
        guard !arguments.isEmpty else { return }
        guard arguments.contains(where: { $0.description != nil }) else {
            output += "("
            for (position, argument) in arguments.enumerated() {
                if position > 0 { output += ", " }
                write(argument)
            }
            output += ")"
            return
        }
        output += "("
        indented { printer in
            for argument in arguments {
                printer.output += "\n" + printer.indent
                printer.write(argument)
            }
        }
        output += "\n" + indent + ")"
    }

    private mutating func write(_ inputValue: InputValueDefinition) {
        writeDescription(inputValue.description)
        output += inputValue.name.value + ": " + inputValue.type.description
        if let defaultValue = inputValue.defaultValue {
            output += " = "
            write(defaultValue)
        }
        write(inputValue.directives)
    }

    private mutating func writeImplements(_ interfaces: [Name]) {
        guard !interfaces.isEmpty else { return }
        output += " implements " + interfaces.map(\.value).joined(separator: " & ")
    }

    /// A description on its own line above what it describes.
    private mutating func writeDescription(_ description: StringValue?) {
        guard let description else { return }
        write(description)
        output += "\n" + indent
    }

    /// ` {`, one line per item, `}`; nothing at all when there are no items.
    private mutating func writeBlock<Item>(_ items: [Item], _ writeItem: (inout Printer, Item) -> Void) {
        guard !items.isEmpty else { return }
        output += " {"
        indented { printer in
            for item in items {
                printer.output += "\n" + printer.indent
                writeItem(&printer, item)
            }
        }
        output += "\n" + indent + "}"
    }
}
