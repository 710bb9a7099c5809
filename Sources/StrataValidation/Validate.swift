public import StrataLanguage
public import StrataSchema

/// Validates an executable document against a schema (GraphQL spec §5, https://spec.graphql.org/draft/#sec-Validation).
///
/// All `rules` run in one traversal of the document. Errors carry code `GRAPHQL_VALIDATION_FAILED` (limit rules use
/// `QUERY_TOO_COMPLEX`) and the spans of the offending nodes; with a `source`, their `locations` are filled too.
/// After `maxErrors` errors, validation stops and a final "Too many validation errors" error is appended.
/// Limit errors (`QUERY_TOO_COMPLEX`) are kept only for a document that breaks no other rule: a limit measures a
/// valid document, and an invalid one (say, an `Int` literal out of range, which would also count as a huge
/// `first`) gets exactly the errors the specification gives it. An empty result means the document is valid.
public func validate(
    _ document: Document, schema: Schema, source: Source? = nil, rules: [any ValidationRule] = specifiedRules,
    maxErrors: Int = 100
) -> [GraphQLError] {
    let context = ValidationContext(schema: schema, document: document, source: source, maxErrors: maxErrors)
    let visitors = rules.map { $0.makeVisitor(context: context) }
    DocumentWalker(context: context, visitors: visitors).walk(document)
    var errors = context.errors
    if errors.contains(where: { $0.code != .tooComplex }) {
        errors.removeAll { $0.code == .tooComplex }
    }
    guard let source else { return errors }
    return errors.map { $0.located(in: source) }
}

/// The rules of GraphQL spec §5, in graphql-js's order (with `KnownOperationTypesRule` from the current draft).
public let specifiedRules: [any ValidationRule] = [
    ExecutableDefinitionsRule(),
    UniqueOperationNamesRule(),
    KnownOperationTypesRule(),
    LoneAnonymousOperationRule(),
    SingleFieldSubscriptionsRule(),
    KnownTypeNamesRule(),
    FragmentsOnCompositeTypesRule(),
    VariablesAreInputTypesRule(),
    ScalarLeafsRule(),
    FieldsOnCorrectTypeRule(),
    UniqueFragmentNamesRule(),
    KnownFragmentNamesRule(),
    NoUnusedFragmentsRule(),
    PossibleFragmentSpreadsRule(),
    NoFragmentCyclesRule(),
    UniqueVariableNamesRule(),
    NoUndefinedVariablesRule(),
    NoUnusedVariablesRule(),
    KnownDirectivesRule(),
    UniqueDirectivesPerLocationRule(),
    KnownArgumentNamesRule(),
    UniqueArgumentNamesRule(),
    ValuesOfCorrectTypeRule(),
    ProvidedRequiredArgumentsRule(),
    VariablesInAllowedPositionRule(),
    OverlappingFieldsCanBeMergedRule(),
    UniqueInputFieldNamesRule(),
]

/// Strata's default operational limits (not part of the specification; add them to `rules` explicitly):
/// depth 15, 1,000 aliases, cost 1,000,000,000. The cost ceiling is deliberately loose: lists without `first` count
/// 100 items each, so realistic nested queries (the bench corpus peaks near 1.1 × 10⁸) already cost a lot; it stops
/// only queries that fan out absurdly. Deployments should pick their own numbers.
public let strataLimitRules: [any ValidationRule] = [
    MaxDepthRule(maxDepth: 15),
    MaxAliasesRule(maxAliases: 1_000),
    MaxComplexityRule(maxCost: 1_000_000_000),
]
