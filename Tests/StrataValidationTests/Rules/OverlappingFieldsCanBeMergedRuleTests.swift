import StrataValidation
import Testing

@Suite("OverlappingFieldsCanBeMergedRule")
struct OverlappingFieldsCanBeMergedRuleTests {
    let rules: [any ValidationRule] = [OverlappingFieldsCanBeMergedRule()]

    @Test("identical fields, aliases and arguments merge")
    func identical() {
        expectValid("{ dog { name name otherName: name otherName: name } }", rules: rules)
        expectValid(
            "fragment F on Dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: SIT) }", rules: rules)
        expectValid(
            "query Q($c: DogCommand) { dog { doesKnowCommand(dogCommand: $c) doesKnowCommand(dogCommand: $c) } }",
            rules: rules)
    }

    @Test("fields on different object types may differ when their shapes agree")
    func exclusiveParents() {
        expectValid("{ pet { ... on Dog { volume: barkVolume } ... on Cat { volume: meowsVolume } } }", rules: rules)
        expectValid("{ pet { ... on Dog { name: nickname } ... on Cat { name } } }", rules: rules)
    }

    @Test("an alias hiding a different field is reported at both fields")
    func differentFields() {
        expectErrors(
            "{ dog { name: nickname name } }",
            [("Fields \"name\" conflict because \"nickname\" and \"name\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", [(1, 9), (1, 24)])],
            rules: rules)
    }

    @Test("different arguments are reported")
    func differentArguments() {
        expectErrors(
            "{ dog { doesKnowCommand(dogCommand: SIT) doesKnowCommand(dogCommand: HEEL) } }",
            [("Fields \"doesKnowCommand\" conflict because they have differing arguments.", [(1, 9), (1, 42)])],
            rules: rules)
    }

    @Test("object arguments are the same value whatever the order of their fields")
    func objectFieldOrder() {
        expectValid(
            "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) "
                + "complexArgField(complexArg: {intField: 1, requiredField: true}) } }",
            rules: rules)
        expectErrors(
            "{ complicatedArgs { complexArgField(complexArg: {requiredField: true, intField: 1}) "
                + "complexArgField(complexArg: {intField: 2, requiredField: true}) } }",
            [("Fields \"complexArgField\" conflict because they have differing arguments.", [(1, 21), (1, 85)])],
            rules: rules)
    }

    @Test("an interface parent does not make fields exclusive")
    func interfaceParent() {
        expectErrors(
            "{ pet { name ... on Dog { name: nickname } } }",
            [("Fields \"name\" conflict because \"name\" and \"nickname\" are different fields.", [(1, 9), (1, 27)])],
            rules: rules)
    }

    @Test("incompatible result shapes conflict even on different object types")
    func differentShapes() {
        expectErrors(
            "{ pet { ... on Dog { someValue: nickname } ... on Cat { someValue: meowsVolume } } }",
            [("Fields \"someValue\" conflict because they return conflicting types \"String\" and \"Int\".", [(1, 22), (1, 57)])],
            rules: rules)
    }

    @Test("conflicting subfields are reported at the parents and the subfields")
    func subfields() {
        expectErrors(
            "{ dog { mother { name } mother { name: nickname } } }",
            [("Fields \"mother\" conflict because subfields \"name\" conflict because \"name\" and \"nickname\" are different fields.", [(1, 9), (1, 18), (1, 25), (1, 34)])],
            rules: rules)
    }

    @Test("conflicts between fragments are found")
    func betweenFragments() {
        expectErrors(
            "{ dog { ...A ...B } }\nfragment A on Dog { x: name }\nfragment B on Dog { x: barks }",
            [("Fields \"x\" conflict because \"name\" and \"barks\" are different fields.", [(2, 21), (3, 21)])],
            rules: rules)
    }

    @Test("each conflict is reported once, however often its fragments are spread")
    func reportedOnce() {
        expectErrors(
            """
            {
              f1: dog { ...A ...B }
              f2: dog { ...B ...A }
              f3: dog { ...A ...B x: nickname }
            }
            fragment A on Dog { x: name }
            fragment B on Dog { x: barks }
            """,
            [
                ("Fields \"x\" conflict because \"name\" and \"barks\" are different fields.", [(6, 21), (7, 21)]),
                ("Fields \"x\" conflict because \"nickname\" and \"name\" are different fields.", [(4, 23), (6, 21)]),
                ("Fields \"x\" conflict because \"nickname\" and \"barks\" are different fields.", [(4, 23), (7, 21)]),
            ],
            rules: rules)
    }

    @Test("fragments that spread each other in a cycle do not hang the search")
    func cycles() {
        let errors = validationErrors(
            "{ dog { ...A } }\nfragment A on Dog { name ...B }\nfragment B on Dog { nickname ...A }", rules: rules)
        #expect(errors.isEmpty)
    }
}
