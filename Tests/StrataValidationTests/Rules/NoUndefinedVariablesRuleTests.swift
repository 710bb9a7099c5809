import StrataValidation
import Testing

@Suite("NoUndefinedVariablesRule")
struct NoUndefinedVariablesRuleTests {
    let rules: [any ValidationRule] = [NoUndefinedVariablesRule()]

    @Test("variables defined by the operation may be used in it and in its fragments")
    func defined() {
        expectValid(
            "query Q($a: Int) { dog { isAtLocation(x: $a) ...F } }\nfragment F on Dog { isAtLocation(y: $a) }",
            rules: rules)
    }

    @Test("an undefined variable is reported at the use and the operation")
    func undefined() {
        expectErrors(
            "query Q { dog { isAtLocation(x: $a) } }",
            [("Variable \"$a\" is not defined by operation \"Q\".", [(1, 33), (1, 1)])], rules: rules)
        expectErrors(
            "{ dog { isAtLocation(x: $a) } }", [("Variable \"$a\" is not defined.", [(1, 25), (1, 1)])], rules: rules)
    }

    @Test("a fragment's undefined variable is reported for each operation that spreads it")
    func throughFragment() {
        expectErrors(
            "query A { dog { ...F } }\nquery B { dog { ...F } }\nfragment F on Dog { isAtLocation(x: $x) }",
            [
                ("Variable \"$x\" is not defined by operation \"A\".", [(3, 37), (1, 1)]),
                ("Variable \"$x\" is not defined by operation \"B\".", [(3, 37), (2, 1)]),
            ], rules: rules)
    }
}
