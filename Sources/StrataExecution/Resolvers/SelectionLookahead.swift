import StrataLanguage

/// What a resolver needs to look into its field's sub-selection beyond the selection sets themselves: the
/// operation's fragments (for spreads) and the application's resolvers (a type with any of them may read its
/// rows in ways no look-ahead can see). The executor hands one to every `ResolveBatch`.
struct SelectionLookahead: Sendable {
    var fragments: [String: FragmentDefinition]
    var application: ResolverTable

    init(fragments: [String: FragmentDefinition] = [:], application: ResolverTable = ResolverTable()) {
        self.fragments = fragments
        self.application = application
    }
}
