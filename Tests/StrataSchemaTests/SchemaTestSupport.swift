import StrataLanguage
import StrataSchema
import Testing

/// Builds `sdl`, expecting it to fail, and returns each error as `line:column message`.
func schemaErrors(_ sdl: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
    do {
        _ = try Schema.build(sdl: sdl)
        Issue.record("expected the schema to be rejected", sourceLocation: sourceLocation)
        return []
    } catch {
        return error.errors.map { error in
            let location = error.locations.first.map { "\($0.line):\($0.column) " } ?? ""
            return location + error.message
        }
    }
}

/// Builds `sdl`, recording an issue with the errors if it fails.
func buildSchema(_ sdl: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Schema {
    do {
        return try Schema.build(sdl: sdl)
    } catch {
        Issue.record("schema rejected: \(error)", sourceLocation: sourceLocation)
        throw error
    }
}
