import StrataModel
import StrataStorage

/// The fields of a `…Connection` object (`edges`, `nodes`, `pageInfo`, `totalCount`).
enum ConnectionFields {
    static func resolve(_ name: String, _ connection: ConnectionValue) -> FieldResult {
        switch name {
        case "nodes":
            return .value(.list(connection.rows.map { .object(.row(typeName: connection.typeName, $0)) }))
        case "edges":
            var edges: [OutputValue] = []
            edges.reserveCapacity(connection.rows.count)
            for (i, row) in connection.rows.enumerated() {
                edges.append(
                    .object(.edge(typeName: connection.typeName, row: row, cursor: Cursor.encode(offset: connection.offset + i))))
            }
            return .value(.list(edges))
        case "totalCount":
            return .value(.int(Int64(connection.totalCount)))
        case "pageInfo":
            let count = connection.rows.count
            return .value(
                .object(
                    .pageInfo(
                        PageInfoValue(
                            hasNextPage: connection.hasNextPage, hasPreviousPage: connection.offset > 0,
                            startCursor: count > 0 ? Cursor.encode(offset: connection.offset) : nil,
                            endCursor: count > 0 ? Cursor.encode(offset: connection.offset + count - 1) : nil))))
        default:
            return .value(.null)
        }
    }
}
