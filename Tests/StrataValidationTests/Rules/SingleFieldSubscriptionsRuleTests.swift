import StrataValidation
import Testing

@Suite("SingleFieldSubscriptionsRule")
struct SingleFieldSubscriptionsRuleTests {
    let rules: [any ValidationRule] = [SingleFieldSubscriptionsRule()]

    @Test("one root field, directly or through a fragment, is fine")
    func oneField() {
        expectValid("subscription S { newMessage { body } }", rules: rules)
        expectValid(
            "subscription S { ...F }\nfragment F on SubscriptionRoot { newMessage { body } }", rules: rules)
        expectValid("subscription S { newMessage { body } newMessage { sender } }", rules: rules)
    }

    @Test("a literally skipped second field does not count")
    func skippedField() {
        expectValid("subscription S { newMessage { body } importantEmails @skip(if: true) }", rules: rules)
    }

    @Test("a second root field is reported at the extra field")
    func twoFields() {
        expectErrors(
            "subscription S { newMessage { body } importantEmails }",
            [("Subscription \"S\" must select only one top level field.", [(1, 38)])], rules: rules)
        expectErrors(
            "subscription { newMessage { body } importantEmails }",
            [("Anonymous Subscription must select only one top level field.", [(1, 36)])], rules: rules)
    }

    @Test("a second root field inside a fragment is found")
    func twoFieldsThroughFragment() {
        expectErrors(
            "subscription S { ...F }\nfragment F on SubscriptionRoot { newMessage { body } notImportantEmails }",
            [("Subscription \"S\" must select only one top level field.", [(2, 54)])], rules: rules)
    }

    @Test("__typename at the root is an introspection field and forbidden")
    func introspectionRoot() {
        expectErrors(
            "subscription S { __typename }",
            [("Subscription \"S\" must not select an introspection top level field.", [(1, 18)])], rules: rules)
    }
}
