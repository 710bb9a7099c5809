import StrataValidation
import Testing

@Suite("ValuesOfCorrectTypeRule")
struct ValuesOfCorrectTypeRuleTests {
    let rules: [any ValidationRule] = [ValuesOfCorrectTypeRule()]

    @Test("literals that coerce to their types are fine")
    func valid() {
        expectValid(
            """
            {
              complicatedArgs {
                intArgField(intArg: 2)
                floatArgField(floatArg: 1)
                idArgField(idArg: 1)
                stringListArgField(stringListArg: "one")
                enumArgField(enumArg: BROWN)
                complexArgField(complexArg: {requiredField: true, nested: {requiredField: false}})
                oneOfArgField(by: {name: "Rex"})
                dateTimeArgField(when: "2024-01-02T03:04:05Z")
                opaqueArgField(value: {any: [1, "x"]})
                nonNullIntArgField(nonNullIntArg: $fromVariable)
              }
            }
            """,
            rules: rules)
    }

    @Test("a scalar literal of the wrong kind is reported at the value")
    func wrongScalar() {
        expectErrors(
            "{ complicatedArgs { intArgField(intArg: \"3\") } }",
            [("Int cannot represent non-integer value: \"3\"", [(1, 41)])], rules: rules)
        expectErrors(
            "{ complicatedArgs { intArgField(intArg: 2147483648) } }",
            [("Int cannot represent non 32-bit signed integer value", [(1, 41)])], rules: rules)
    }

    @Test("null for a non-null type is reported")
    func nullForNonNull() {
        expectErrors(
            "{ complicatedArgs { nonNullIntArgField(nonNullIntArg: null) } }",
            [("Expected value of type \"Int!\", found null.", [(1, 55)])], rules: rules)
    }

    @Test("enum values must exist, and strings are not enum values")
    func enums() {
        expectErrors(
            "{ complicatedArgs { enumArgField(enumArg: PURPLE) } }",
            [("Value \"PURPLE\" does not exist in \"FurColor\" enum.", [(1, 43)])], rules: rules)
        expectErrors(
            "{ complicatedArgs { enumArgField(enumArg: \"BROWN\") } }",
            [("Enum \"FurColor\" cannot represent non-enum value: \"BROWN\". Did you mean the enum value \"BROWN\"?", [(1, 43)])],
            rules: rules)
    }

    @Test("list items are checked against the item type")
    func listItems() {
        expectErrors(
            "{ complicatedArgs { stringListArgField(stringListArg: [\"a\", 2]) } }",
            [("String cannot represent a non string value: 2", [(1, 61)])], rules: rules)
    }

    @Test("input objects need their required fields and no unknown ones")
    func inputObjects() {
        expectErrors(
            "{ complicatedArgs { complexArgField(complexArg: {intField: 4}) } }",
            [("Field \"ComplexInput.requiredField\" of required type \"Boolean!\" was not provided.", [(1, 49)])],
            rules: rules)
        expectErrors(
            "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, unknownField: 1}) } }",
            [("Field \"unknownField\" is not defined by type \"ComplexInput\".", [(1, 71)])], rules: rules)
    }

    @Test("a OneOf input object takes exactly one field, which is not null")
    func oneOf() {
        expectErrors(
            "{ complicatedArgs { oneOfArgField(by: {name: \"a\", id: 1}) } }",
            [("OneOf Input Object \"PetBy\" must specify exactly one key.", [(1, 39)])], rules: rules)
        expectErrors(
            "{ complicatedArgs { oneOfArgField(by: {}) } }",
            [("OneOf Input Object \"PetBy\" must specify exactly one key.", [(1, 39)])], rules: rules)
        expectErrors(
            "{ complicatedArgs { oneOfArgField(by: {name: null}) } }",
            [("Field \"PetBy.name\" must be non-null.", [(1, 39)])], rules: rules)
    }

    @Test("Strata scalars check their literal format")
    func strataScalars() {
        expectErrors(
            "{ complicatedArgs { dateTimeArgField(when: \"yesterday\") } }",
            [("Expected value of type \"DateTime\", found \"yesterday\"", [(1, 44)])], rules: rules)
    }

    @Test("variable default values and directive arguments are checked too")
    func defaultsAndDirectives() {
        expectErrors(
            "query Q($a: Int = \"x\") { dog { name } }",
            [("Int cannot represent non-integer value: \"x\"", [(1, 19)])], rules: rules)
        expectErrors(
            "{ dog @include(if: 1) { name } }",
            [("Boolean cannot represent a non boolean value: 1", [(1, 20)])], rules: rules)
    }
}
