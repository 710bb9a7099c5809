extension TypeRef {
    /// Reads a type written as in SDL (`[__Type!]!`). Only for the built-in definitions, which are well formed.
    init(sdl text: String) {
        if text.hasSuffix("!") {
            self = .nonNull(TypeRef(sdl: String(text.dropLast())))
        } else if text.hasPrefix("[") {
            self = .list(TypeRef(sdl: String(text.dropFirst().dropLast())))
        } else {
            self = .named(text)
        }
    }
}
