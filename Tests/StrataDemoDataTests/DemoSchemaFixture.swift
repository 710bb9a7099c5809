import Foundation
import StrataModel
import StrataStorage

/// The storage model of the repository's default schema.graphql, as the schema binding layer derives it.
enum DemoSchemaFixture {
    static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schema.graphql")

    static func model() throws -> StorageModel {
        let sdl = try String(contentsOf: url, encoding: .utf8)
        return try DataModelBuilder.build(sdl: sdl).storage
    }
}

extension Row {
    func demoValue(_ column: String, in entity: EntityDescriptor) -> StorageValue {
        values[entity.columnIndex(column)!]
    }
}
