import StrataValidation
import Testing

@Suite("VariablesInAllowedPositionRule")
struct VariablesInAllowedPositionRuleTests {
    let rules: [any ValidationRule] = [VariablesInAllowedPositionRule()]

    @Test("matching types, non-null into nullable, and list items are fine")
    func matchingTypes() {
        expectValid("query Q($b: Boolean!) { dog { name @include(if: $b) } }", rules: rules)
        expectValid("query Q($i: Int!) { complicatedArgs { intArgField(intArg: $i) } }", rules: rules)
        expectValid("query Q($s: String) { complicatedArgs { stringListArgField(stringListArg: [$s]) } }", rules: rules)
    }

    @Test("a variable defined twice is checked against its last definition, as graphql-js checks it")
    func duplicateDefinition() {
        expectErrors(
            "query Q($i: Int, $i: String) { complicatedArgs { intArgField(intArg: $i) } }",
            [("Variable \"$i\" of type \"String\" used in position expecting type \"Int\".", [(1, 18), (1, 70)])],
            rules: rules)
        expectValid("query Q($i: String, $i: Int) { complicatedArgs { intArgField(intArg: $i) } }", rules: rules)
    }

    @Test("a nullable variable may fill a non-null position when it or the position has a default")
    func defaultAllowances() {
        expectValid(
            "query Q($i: Int = 1) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }", rules: rules)
        expectValid("query Q($i: Int) { complicatedArgs { nonNullFieldWithDefault(arg: $i) } }", rules: rules)
    }

    @Test("a nullable variable in a non-null position is reported at the definition and the use")
    func nullableIntoNonNull() {
        expectErrors(
            "query Q($i: Int) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }",
            [("Variable \"$i\" of type \"Int\" used in position expecting type \"Int!\".", [(1, 9), (1, 72)])],
            rules: rules)
        expectErrors(
            "query Q($i: Int = null) { complicatedArgs { nonNullIntArgField(nonNullIntArg: $i) } }",
            [("Variable \"$i\" of type \"Int\" used in position expecting type \"Int!\".", [(1, 9), (1, 79)])],
            rules: rules)
    }

    @Test("list item nullability must fit")
    func listItems() {
        expectErrors(
            "query Q($s: [String]) { complicatedArgs { stringListNonNullArgField(stringListNonNullArg: $s) } }",
            [("Variable \"$s\" of type \"[String]\" used in position expecting type \"[String!]\".", [(1, 9), (1, 91)])],
            rules: rules)
    }

    @Test("uses inside fragments are checked against the spreading operation's definitions")
    func throughFragment() {
        expectErrors(
            "query Q($i: Int) { complicatedArgs { ...F } }\nfragment F on ComplicatedArgs { nonNullIntArgField(nonNullIntArg: $i) }",
            [("Variable \"$i\" of type \"Int\" used in position expecting type \"Int!\".", [(1, 9), (2, 67)])],
            rules: rules)
    }

    @Test("a variable for a OneOf field must be non-null, default or not")
    func oneOfFields() {
        expectValid("query Q($n: String!) { complicatedArgs { oneOfArgField(by: {name: $n}) } }", rules: rules)
        expectErrors(
            "query Q($n: String) { complicatedArgs { oneOfArgField(by: {name: $n}) } }",
            [("Variable \"$n\" is of type \"String\" but must be non-nullable to be used for OneOf Input Object \"PetBy\".", [(1, 9), (1, 66)])],
            rules: rules)
        expectErrors(
            "query Q($n: String = \"x\") { complicatedArgs { oneOfArgField(by: {name: $n}) } }",
            [("must be non-nullable to be used for OneOf Input Object \"PetBy\".", [(1, 9), (1, 72)])], rules: rules)
    }
}
