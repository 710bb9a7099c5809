import StrataLanguage
import StrataSchema
import StrataValidation
import Testing

/// A rule that writes down what it sees, to check the walker's order and type information.
private struct RecordingRule: ValidationRule {
    final class Log: @unchecked Sendable {
        // Safe: each test creates its own log and validates synchronously on one thread.
        var lines: [String] = []
    }
    let log: Log

    func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context, log: log) }

    final class Visitor: ValidationVisitor {
        let context: ValidationContext
        let log: Log
        init(context: ValidationContext, log: Log) {
            self.context = context
            self.log = log
        }

        override var events: ValidationEvents {
            [.enterOperation, .enterField, .leaveField, .enterFragmentSpread, .enterInlineFragment, .enterDirective,
             .enterArgument, .enterValue, .enterObjectField, .enterFragmentDefinition, .enterVariableDefinition]
        }

        override func enterOperation(_ operation: OperationDefinition) {
            log.lines.append("operation \(context.outputType.map(\.description) ?? "?")")
        }
        override func enterVariableDefinition(_ definition: VariableDefinition) {
            log.lines.append("variable \(definition.variable.value): \(context.inputType.map(\.description) ?? "?")")
        }
        override func enterField(_ field: Field) {
            log.lines.append(
                "field \(context.parentType?.name ?? "?").\(field.name.value): \(context.outputType.map(\.description) ?? "?")")
        }
        override func leaveField(_ field: Field) { log.lines.append("leave \(field.name.value)") }
        override func enterFragmentSpread(_ spread: FragmentSpread) {
            log.lines.append("spread \(spread.name.value) -> \(context.spreadTarget.map(String.init) ?? "unknown")")
        }
        override func enterInlineFragment(_ fragment: InlineFragment) {
            log.lines.append("inline \(context.outputType.map(\.description) ?? "?") in \(context.parentType?.name ?? "?")")
        }
        override func enterFragmentDefinition(_ fragment: FragmentDefinition) {
            log.lines.append("fragment \(fragment.name.value) on \(context.outputType.map(\.description) ?? "?")")
        }
        override func enterDirective(_ directive: Directive) {
            log.lines.append("directive @\(directive.name.value) at \(context.directiveLocation?.rawValue ?? "?")")
        }
        override func enterArgument(_ argument: Argument) {
            log.lines.append("argument \(argument.name.value): \(context.inputType.map(\.description) ?? "?")")
        }
        override func enterValue(_ value: Value) {
            log.lines.append("value \(ValuePrinter.print(value)): \(context.inputType.map(\.description) ?? "?")")
        }
        override func enterObjectField(_ field: ObjectField) {
            log.lines.append(
                "object field \(field.name.value): \(context.inputType.map(\.description) ?? "?") default \(context.defaultValue.map(ValuePrinter.print) ?? "none")")
        }
    }
}

@Suite("DocumentWalker")
struct DocumentWalkerTests {
    @Test("visits definitions in order with the type information of each node")
    func orderAndTypeInformation() throws {
        let log = RecordingRule.Log()
        let document = try parse(
            """
            query Q($flag: Boolean!) {
              dog @include(if: $flag) { isAtLocation(x: 1) ...F }
              complicatedArgs { complexArgField(complexArg: {requiredField: true, stringListField: ["a"]}) }
            }
            fragment F on Dog { ... on Pet { name } ...Missing }
            """)
        _ = validate(document, schema: testSchema, rules: [RecordingRule(log: log)])
        #expect(
            log.lines == [
                "operation QueryRoot",
                "variable flag: Boolean!",
                "field QueryRoot.dog: Dog",
                "directive @include at FIELD",
                "argument if: Boolean!",
                "value $flag: Boolean!",
                "field Dog.isAtLocation: Boolean",
                "argument x: Int",
                "value 1: Int",
                "leave isAtLocation",
                "spread F -> 0",
                "leave dog",
                "field QueryRoot.complicatedArgs: ComplicatedArgs",
                "field ComplicatedArgs.complexArgField: String",
                "argument complexArg: ComplexInput",
                "value {requiredField: true, stringListField: [\"a\"]}: ComplexInput",
                "object field requiredField: Boolean! default none",
                "value true: Boolean!",
                "object field stringListField: [String] default none",
                "value [\"a\"]: [String]",
                "value \"a\": String",
                "leave complexArgField",
                "leave complicatedArgs",
                "fragment F on Dog",
                "inline Pet in Dog",
                "field Pet.name: String",
                "leave name",
                "spread Missing -> unknown",
            ])
    }

    @Test("records variable usages per operation through fragments")
    func variableUsages() throws {
        final class UsageRule: ValidationRule, @unchecked Sendable {
            // Safe: written once during a synchronous validate call on the test's thread.
            var usages: [VariableUsage] = []
            func makeVisitor(context: ValidationContext) -> ValidationVisitor { Visitor(context: context, rule: self) }
            final class Visitor: ValidationVisitor {
                let context: ValidationContext
                let rule: UsageRule
                init(context: ValidationContext, rule: UsageRule) {
                    self.context = context
                    self.rule = rule
                }
                override var events: ValidationEvents { .leaveDocument }
                override func leaveDocument(_ document: Document) { rule.usages = context.recursiveVariableUsages(ofOperation: 0) }
            }
        }
        let rule = UsageRule()
        let document = try parse(
            """
            query Q($a: Int, $n: String!) { complicatedArgs { ...F oneOfArgField(by: {name: $n}) } }
            fragment F on ComplicatedArgs { nonNullFieldWithDefault(arg: $a) }
            """)
        _ = validate(document, schema: testSchema, rules: [rule])
        #expect(rule.usages.map(\.name) == ["n", "a"])
        #expect(rule.usages[0].oneOfParent == "PetBy")
        #expect(rule.usages[0].expectedType == .named("String"))
        #expect(rule.usages[1].hasLocationDefault)
        #expect(rule.usages[1].expectedType == .nonNull(.named("Int")))
    }
}
