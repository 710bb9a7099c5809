/// Prints a document in the conventional layout: two-space indentation, one selection, field or value
/// definition per line, a blank line between definitions, descriptions above what they describe.
/// Parsing the output gives back an equal document (spans aside).
public func print(_ document: Document) -> String {
    var printer = Printer()
    printer.write(document)
    return printer.output
}

/// Prints one definition as `print(_: Document)` would.
public func print(_ definition: Definition) -> String {
    var printer = Printer()
    printer.write(definition)
    return printer.output
}

/// Prints a selection set as a `{ … }` block.
public func print(_ selectionSet: SelectionSet) -> String {
    var printer = Printer()
    printer.write(selectionSet)
    return printer.output
}

/// Prints a value literal on one line (a block string aside), such as `{a: [1, 2], b: $v}`.
public func print(_ value: Value) -> String {
    var printer = Printer()
    printer.write(value)
    return printer.output
}

/// Prints a type reference, such as `[String!]!`.
public func print(_ type: TypeReference) -> String {
    type.description
}

/// Writes AST nodes into `output`. `Printer+Values.swift` and `Printer+TypeSystem.swift` hold the rest.
struct Printer {
    /// Argument lists that would make a field's line longer than this are written one argument per line.
    static let maxLineLength = 80

    var output = ""
    /// The indentation of the line being written.
    var indent = ""

    mutating func write(_ document: Document) {
        for (position, definition) in document.definitions.enumerated() {
            if position > 0 { output += "\n\n" }
            write(definition)
        }
    }

    mutating func write(_ definition: Definition) {
        switch definition {
        case .operation(let operation): write(operation)
        case .fragment(let fragment): write(fragment)
        case .schema(let schema): write(schema)
        case .type(let type): write(type, isExtension: false)
        case .directive(let directive): write(directive)
        case .schemaExtension(let schemaExtension): write(schemaExtension)
        case .typeExtension(let type): write(type, isExtension: true)
        }
    }

    /// Runs `body` with the indentation one level deeper.
    mutating func indented(_ body: (inout Printer) -> Void) {
        let outer = indent
        indent += "  "
        body(&self)
        indent = outer
    }

    // MARK: Executable definitions

    mutating func write(_ operation: OperationDefinition) {
        let isShorthand =
            operation.operation == .query && operation.name == nil && operation.variableDefinitions.isEmpty
            && operation.directives.isEmpty
        if !isShorthand {
            output += operation.operation.rawValue
            if let name = operation.name { output += " " + name.value }
            if !operation.variableDefinitions.isEmpty {
                output += operation.name == nil ? " (" : "("
                for (position, variable) in operation.variableDefinitions.enumerated() {
                    if position > 0 { output += ", " }
                    write(variable)
                }
                output += ")"
            }
            write(operation.directives)
            output += " "
        }
        write(operation.selectionSet)
    }

    mutating func write(_ variable: VariableDefinition) {
        output += "$" + variable.variable.value + ": " + variable.type.description
        if let defaultValue = variable.defaultValue {
            output += " = "
            write(defaultValue)
        }
        write(variable.directives)
    }

    mutating func write(_ fragment: FragmentDefinition) {
        output += "fragment " + fragment.name.value + " on " + fragment.typeCondition.value
        write(fragment.directives)
        output += " "
        write(fragment.selectionSet)
    }

    mutating func write(_ selectionSet: SelectionSet) {
        guard !selectionSet.selections.isEmpty else {
            output += "{}"
            return
        }
        output += "{"
        indented { printer in
            for selection in selectionSet.selections {
                printer.output += "\n" + printer.indent
                printer.write(selection)
            }
        }
        output += "\n" + indent + "}"
    }

    mutating func write(_ selection: Selection) {
        switch selection {
        case .field(let field):
            let lineStart = output.utf8.count
            if let alias = field.alias { output += alias.value + ": " }
            output += field.name.value
            write(field.arguments, lineStart: lineStart)
            write(field.directives)
            if let selectionSet = field.selectionSet {
                output += " "
                write(selectionSet)
            }
        case .fragmentSpread(let spread):
            output += "..." + spread.name.value
            write(spread.directives)
        case .inlineFragment(let fragment):
            output += "..."
            if let typeCondition = fragment.typeCondition { output += " on " + typeCondition.value }
            write(fragment.directives)
            output += " "
            write(fragment.selectionSet)
        }
    }

    // MARK: Arguments and directives

    /// `(a: 1, b: 2)`, or one argument per line when the line from `lineStart` would grow too long.
    mutating func write(_ arguments: some Collection<Argument>, lineStart: Int) {
        guard !arguments.isEmpty else { return }
        var inline = Printer(indent: indent)
        inline.output += "("
        for (position, argument) in arguments.enumerated() {
            if position > 0 { inline.output += ", " }
            inline.write(argument)
        }
        inline.output += ")"
        let lineLength = output.utf8.count - lineStart + indent.utf8.count + inline.output.utf8.count
        guard lineLength > Self.maxLineLength else {
            output += inline.output
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

    mutating func write(_ argument: Argument) {
        output += argument.name.value + ": "
        write(argument.value)
    }

    /// ` @a @b(c: 1)`: each directive preceded by a space.
    mutating func write(_ directives: some Collection<Directive>) {
        for directive in directives {
            output += " @" + directive.name.value
            guard !directive.arguments.isEmpty else { continue }
            output += "("
            for (position, argument) in directive.arguments.enumerated() {
                if position > 0 { output += ", " }
                write(argument)
            }
            output += ")"
        }
    }
}

extension Printer {
    init(indent: String) {
        self.indent = indent
    }
}
