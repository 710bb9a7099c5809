import StrataValidation
import Testing

@Suite("PossibleFragmentSpreadsRule")
struct PossibleFragmentSpreadsRuleTests {
    let rules: [any ValidationRule] = [PossibleFragmentSpreadsRule()]

    @Test("spreads whose types overlap the scope are fine")
    func overlapping() {
        expectValid(
            "{ dog { ... on Pet { name } ...PetF } catOrDog { ... on Dog { barks } ... on Pet { name } } }\nfragment PetF on Pet { name }",
            rules: rules)
    }

    @Test("spreads of an unrelated object type are reported at the spread")
    func disjointObjects() {
        expectErrors(
            "{ dog { ... on Cat { meows } ...CatF } }\nfragment CatF on Cat { meows }",
            [
                ("Fragment cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".", [(1, 9)]),
                ("Fragment \"CatF\" cannot be spread here as objects of type \"Dog\" can never be of type \"Cat\".", [(1, 30)]),
            ], rules: rules)
    }

    @Test("two abstract types with no object in common are reported")
    func disjointAbstractTypes() {
        expectErrors(
            "{ humanOrAlien { ... on Pet { name } } }",
            [("objects of type \"HumanOrAlien\" can never be of type \"Pet\".", [(1, 18)])], rules: rules)
    }
}
