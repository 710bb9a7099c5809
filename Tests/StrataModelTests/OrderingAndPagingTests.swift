import StrataLanguage
import StrataModel
import StrataSchema
import StrataStorage
import Testing

@Suite struct OrderingAndPagingTests {
    static func orderBy(_ field: String, _ direction: String? = nil) -> InputValue {
        var fields = [InputField("field", .enumValue(field))]
        if let direction { fields.append(InputField("direction", .enumValue(direction))) }
        return .object(fields)
    }

    @Test("orderBy keys come first, then the primary key as tie-breaker")
    func sortKeys() {
        let task = Fixtures.entity("Task")
        #expect(
            task.sortKeys(orderBy: .list([Self.orderBy("DUE_DATE", "DESC"), Self.orderBy("CREATED_BY_ID", "ASC")]))
                == [SortKey("due_date", descending: true), SortKey("created_by_id"), SortKey("id")])
        #expect(
            Fixtures.entity("EmissionRecord").sortKeys(orderBy: .list([Self.orderBy("KG_CO2E")]))
                == [SortKey("kg_co2e"), SortKey("id")])
    }

    @Test("without orderBy the order is the primary key ascending")
    func defaultOrder() {
        #expect(Fixtures.entity("Task").sortKeys(orderBy: nil) == [SortKey("id")])
        #expect(Fixtures.entity("Task").sortKeys(orderBy: .null) == [SortKey("id")])
        #expect(Fixtures.entity("Task").sortKeys(orderBy: .list([])) == [SortKey("id")])
    }

    @Test("the primary key is not repeated when already ordered by")
    func keyAlreadyLast() {
        #expect(
            Fixtures.entity("Task").sortKeys(orderBy: .list([Self.orderBy("ID", "DESC")]))
                == [SortKey("id", descending: true)])
    }

    @Test("a field named again, and everything after the primary key, is dropped: it cannot change the order")
    func redundantKeys() {
        let task = Fixtures.entity("Task")
        #expect(
            task.sortKeys(orderBy: .list([Self.orderBy("TITLE", "DESC"), Self.orderBy("TITLE"), Self.orderBy("DUE_DATE")]))
                == [SortKey("title", descending: true), SortKey("due_date"), SortKey("id")])
        #expect(
            task.sortKeys(orderBy: .list([Self.orderBy("ID", "DESC"), Self.orderBy("TITLE")]))
                == [SortKey("id", descending: true)])
        // Thousands of entries (SQLite refuses more than 2,000 ORDER BY terms) shrink to one key per column.
        let many = Array(repeating: Self.orderBy("TITLE"), count: 3_000)
        #expect(task.sortKeys(orderBy: .list(many)) == [SortKey("title"), SortKey("id")])
    }

    @Test("cursors round-trip", arguments: [0, 1, 99, 123_456, Int.max - 1])
    func cursorRoundTrip(_ offset: Int) throws {
        let cursor = Cursor.encode(offset: offset)
        #expect(try Cursor.decode(cursor) == offset)
        #expect(!cursor.contains(String(offset)) || offset < 10)
    }

    @Test("a cursor is the base64 of o:<offset>")
    func cursorFormat() {
        #expect(Cursor.encode(offset: 123) == "bzoxMjM=")
    }

    @Test(
        "malformed cursors are rejected",
        arguments: [
            "", "bzoxMjM", "bzoxMjM==", "bzoxMjN=", "eDoxMjM=", "bzo=", "bzotMQ==", "bzowMQ==", "!!!!",
            "bzoxMjM=\n", "bzphYmM=",
        ])
    func cursorRejected(_ text: String) throws {
        let error = try #require(throws: ModelError.self) { try Cursor.decode(text) }
        #expect(error.code == .badUserInput)
        #expect(error.message.hasPrefix("Invalid cursor"))
    }

    @Test("page arguments default to 100 rows from the start")
    func pageDefaults() throws {
        #expect(try PageArguments(first: nil, after: nil) == PageArguments(offset: 0, limit: 100))
        #expect(try PageArguments(first: .null, after: .null) == PageArguments(offset: 0, limit: 100))
    }

    @Test("after a cursor the page starts at the next row")
    func pageAfter() throws {
        let page = try PageArguments(first: .int(10), after: .string(Cursor.encode(offset: 19)))
        #expect(page == PageArguments(offset: 20, limit: 10))
        #expect(try PageArguments(first: .int(0), after: nil).limit == 0)
        #expect(try PageArguments(first: .int(10_000), after: nil).limit == 10_000)
    }

    @Test("negative or too large first values are rejected", arguments: [-1, 10_001])
    func pageRejected(_ first: Int) throws {
        let error = try #require(throws: ModelError.self) { try PageArguments(first: .int(first), after: nil) }
        #expect(error.code == .badUserInput)
        #expect(error.field == "first")
    }
}
