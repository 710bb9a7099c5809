import StrataLanguage

extension Schema {
    /// The schema as SDL text: `sdlDocument()` printed by StrataLanguage's printer.
    public func printed() -> String {
        StrataLanguage.print(sdlDocument())
    }
}
