import Foundation
import StrataModel

/// The default schema.graphql of the repository and its data model, built once.
enum Fixtures {
    static let schemaText: String = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("schema.graphql")
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    static let model: DataModel = {
        do {
            return try DataModelBuilder.build(sdl: schemaText)
        } catch {
            fatalError("the default schema does not build: \(error)")
        }
    }()

    static func entity(_ name: String) -> EntityBinding {
        guard let binding = model.entities[name] else { fatalError("no entity \(name)") }
        return binding
    }
}
