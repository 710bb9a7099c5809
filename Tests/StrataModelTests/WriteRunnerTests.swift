import StrataJSON
import StrataLanguage
import StrataModel
import StrataSchema
import StrataStorage
import Testing

@Suite struct WriteRunnerTests {
    let model = Fixtures.model
    let adapter: MemoryAdapter
    let runner: WriteRunner
    let now: Int64 = 1_714_566_600_000_000  // 2024-05-01T12:30:00Z

    init() {
        adapter = MemoryAdapter(model: Fixtures.model.storage)
        runner = WriteRunner(model: Fixtures.model, adapter: adapter)
    }

    // MARK: Helpers

    func value(_ row: Row, _ entity: String, _ field: String) -> StorageValue {
        let binding = Fixtures.entity(entity)
        guard let index = binding.fieldColumns[field] else { return .null }
        return row[index]
    }

    func id(_ row: Row, _ entity: String = "") -> String {
        guard case .string(let id) = row[0] else { return "" }
        return id
    }

    static func input(_ fields: [(String, InputValue)]) -> InputValue {
        .object(fields.map { InputField($0.0, $0.1) })
    }

    func createUser(email: String = "ada@example.com", actor: String? = nil) async throws -> Row {
        try await runner.create(
            entity: "User",
            input: Self.input([
                ("email", .string(email)), ("name", .string("Ada")), ("role", .enumValue("ADMIN")),
                ("status", .enumValue("ACTIVE")), ("emailVerified", .boolean(true)),
            ]), actor: actor, now: now)
    }

    func createProject(owner: String) async throws -> Row {
        try await runner.create(
            entity: "Project",
            input: Self.input([
                ("name", .string("Apollo")), ("status", .enumValue("ACTIVE")), ("ownerId", .string(owner)),
            ]), actor: owner, now: now)
    }

    func auditEntries() async throws -> [Row] {
        try await adapter.list(ListRequest(entity: "ActivityLog", orderBy: [SortKey("created_at"), SortKey("id")])).rows
    }

    func audit(_ row: Row, _ field: String) -> StorageValue { value(row, "ActivityLog", field) }

    /// The audit entries of one action on one row (all writes of a test share `now`, so order is by id).
    func auditEntries(_ action: String, of entityId: String) async throws -> [Row] {
        try await auditEntries().filter {
            audit($0, "action") == .string(action) && audit($0, "entityId") == .string(entityId)
        }
    }

    // MARK: Create

    @Test("create generates a lowercase v4 id, sets timestamps and version 1, and returns the row")
    func createDefaults() async throws {
        let user = try await createUser()
        let id = id(user)
        #expect(id.count == 36 && id == id.lowercased())
        #expect(Array(id)[14] == "4")
        #expect(value(user, "User", "createdAt") == .timestamp(now))
        #expect(value(user, "User", "updatedAt") == .timestamp(now))
        #expect(value(user, "User", "version") == .int(1))
        #expect(value(user, "User", "role") == .string("ADMIN"))
        #expect(adapter.count("User") == 1)
    }

    @Test("a given id is kept in canonical lowercase form")
    func createWithId() async throws {
        let user = try await runner.create(
            entity: "User",
            input: Self.input([
                ("id", .string("0B5E2D4A-1C3F-4E5A-8B9C-0D1E2F3A4B5C")), ("email", .string("b@example.com")),
                ("name", .string("B")), ("role", .enumValue("GUEST")), ("status", .enumValue("ACTIVE")),
                ("emailVerified", .boolean(false)),
            ]), actor: nil, now: now)
        #expect(id(user) == "0b5e2d4a-1c3f-4e5a-8b9c-0d1e2f3a4b5c")
    }

    @Test("create writes its audit entry in the same transaction, with the written fields as JSON")
    func createAudit() async throws {
        let user = try await createUser()
        let project = try await createProject(owner: id(user))
        let entries = try await auditEntries()
        #expect(entries.count == 2)
        let entry = try #require(entries.first { audit($0, "entityType") == .string("Project") })
        #expect(audit(entry, "entityId") == .string(id(project)))
        #expect(audit(entry, "action") == .string("CREATE"))
        #expect(audit(entry, "actorId") == .string(id(user)))
        #expect(audit(entry, "createdAt") == .timestamp(now))
        guard case .json(let text) = audit(entry, "changes") else {
            Issue.record("changes is not JSON")
            return
        }
        let changes = try JSONParser.parse(text)
        #expect(changes["name"] == .string("Apollo"))
        #expect(changes["ownerId"] == .string(id(user)))
        #expect(changes["createdAt"] == .string("2024-05-01T12:30:00Z"))
        #expect(changes["version"] == .int(1))
        #expect(!text.contains(" "))
        let anonymous = try #require(entries.first { audit($0, "entityType") == .string("User") })
        #expect(audit(anonymous, "actorId") == .null)
    }

    @Test("JSON input is stored as compact text")
    func jsonCompact() async throws {
        let user = try await createUser()
        let profile = try await runner.create(
            entity: "Profile",
            input: Self.input([
                ("userId", .string(id(user))), ("firstName", .string("Ada")), ("lastName", .string("L")),
                ("timezone", .string("UTC")), ("language", .string("en")),
                (
                    "preferences",
                    .json(
                        .object([JSONMember("theme", .string("dark")), JSONMember("n", .array([.int(1), .int(2)]))]))
                ),
            ]), actor: nil, now: now)
        #expect(value(profile, "Profile", "preferences") == .json(#"{"theme":"dark","n":[1,2]}"#))
    }

    @Test("invalid input is BAD_USER_INPUT: readonly fields, unknown enum values, nulls for non-null fields")
    func invalidInput() async throws {
        let readonly = await #expect(throws: ModelError.self) {
            _ = try await runner.create(
                entity: "User", input: Self.input([("version", .int(3))]), actor: nil, now: now)
        }
        #expect(readonly?.code == .badUserInput)
        #expect(readonly?.message.contains("read-only") == true)
        let badEnum = await #expect(throws: ModelError.self) {
            _ = try await runner.create(
                entity: "User", input: Self.input([("role", .enumValue("KING"))]), actor: nil, now: now)
        }
        #expect(badEnum?.code == .badUserInput)
        let null = await #expect(throws: ModelError.self) {
            _ = try await runner.create(entity: "User", input: Self.input([("name", .null)]), actor: nil, now: now)
        }
        #expect(null?.field == "name")
        let missing = await #expect(throws: ModelError.self) {
            _ = try await runner.create(
                entity: "User", input: Self.input([("name", .string("x"))]), actor: nil, now: now)
        }
        #expect(missing?.code == .badUserInput)
        let auditType = await #expect(throws: ModelError.self) {
            _ = try await runner.create(entity: "ActivityLog", input: Self.input([]), actor: nil, now: now)
        }
        #expect(auditType?.code == .badUserInput)
        #expect(adapter.count("User") == 0)
    }

    @Test("a unique violation is CONSTRAINT_VIOLATION naming the GraphQL field")
    func uniqueViolation() async throws {
        _ = try await createUser()
        let error = await #expect(throws: ModelError.self) { _ = try await createUser() }
        #expect(error?.code == .constraintViolation)
        #expect(error?.field == "email")
        #expect(error?.message.contains("email") == true)
        #expect(adapter.count("User") == 1)
        #expect(try await auditEntries().count == 1)
    }

    @Test("a failure after the row was written rolls back both the row and its audit entry")
    func rollback() async throws {
        // The actor does not exist, so the audit entry's actor_id foreign key fails after the insert.
        let error = await #expect(throws: ModelError.self) {
            _ = try await createUser(actor: "0b5e2d4a-1c3f-4e5a-8b9c-0d1e2f3a4b5c")
        }
        #expect(error?.code == .constraintViolation)
        #expect(adapter.count("User") == 0)
        #expect(adapter.count("ActivityLog") == 0)
    }

    @Test("a foreign key to a missing row is CONSTRAINT_VIOLATION naming the key field")
    func foreignKeyViolation() async throws {
        let error = await #expect(throws: ModelError.self) {
            _ = try await createProject(owner: "0b5e2d4a-1c3f-4e5a-8b9c-0d1e2f3a4b5c")
        }
        #expect(error?.code == .constraintViolation)
        #expect(error?.field == "ownerId")
        #expect(adapter.count("Project") == 0)
        #expect(adapter.count("ActivityLog") == 0)
    }

    // MARK: Update

    @Test("update changes the given fields, bumps the version and updatedAt, and audits the change")
    func update() async throws {
        let user = try await createUser()
        let later = now + 60_000_000
        let updated = try await runner.update(
            entity: "User", id: id(user).uppercased(), input: Self.input([("name", .string("Ada L."))]),
            expectedVersion: 1, actor: id(user), now: later)
        #expect(value(updated, "User", "name") == .string("Ada L."))
        #expect(value(updated, "User", "email") == .string("ada@example.com"))
        #expect(value(updated, "User", "version") == .int(2))
        #expect(value(updated, "User", "updatedAt") == .timestamp(later))
        #expect(value(updated, "User", "createdAt") == .timestamp(now))
        let entry = try #require(try await auditEntries("UPDATE", of: id(user)).first)
        guard case .json(let text) = audit(entry, "changes") else { return }
        let changes = try JSONParser.parse(text)
        #expect(changes["name"] == .string("Ada L."))
        #expect(changes["email"] == nil)
    }

    @Test("a stale expectedVersion is a CONFLICT and changes nothing")
    func conflict() async throws {
        let user = try await createUser()
        let error = await #expect(throws: ModelError.self) {
            _ = try await runner.update(
                entity: "User", id: id(user), input: Self.input([("name", .string("X"))]), expectedVersion: 7,
                actor: nil, now: now)
        }
        #expect(error?.code == .conflict)
        let stored = try await adapter.lookup(LookupRequest(entity: "User", column: "id", keys: [.string(id(user))]))
        #expect(stored.first.map { value($0, "User", "name") } == .string("Ada"))
        #expect(try await auditEntries().count == 1)
        let deleteError = await #expect(throws: ModelError.self) {
            _ = try await runner.delete(entity: "User", id: id(user), expectedVersion: 2, actor: nil, now: now)
        }
        #expect(deleteError?.code == .conflict)
        #expect(adapter.count("User") == 1)
    }

    @Test("updating or deleting a missing row is NOT_FOUND; a malformed id is BAD_USER_INPUT")
    func notFound() async throws {
        let missing = "0b5e2d4a-1c3f-4e5a-8b9c-0d1e2f3a4b5c"
        let update = await #expect(throws: ModelError.self) {
            _ = try await runner.update(
                entity: "User", id: missing, input: Self.input([("name", .string("X"))]), expectedVersion: nil,
                actor: nil, now: now)
        }
        #expect(update?.code == .notFound)
        let delete = await #expect(throws: ModelError.self) {
            _ = try await runner.delete(entity: "Task", id: missing, expectedVersion: nil, actor: nil, now: now)
        }
        #expect(delete?.code == .notFound)
        let malformed = await #expect(throws: ModelError.self) {
            _ = try await runner.delete(entity: "Task", id: "42", expectedVersion: nil, actor: nil, now: now)
        }
        #expect(malformed?.code == .badUserInput)
        #expect(adapter.count("ActivityLog") == 0)
    }

    @Test("setting a non-null field to null in an update is BAD_USER_INPUT")
    func updateNull() async throws {
        let user = try await createUser()
        let error = await #expect(throws: ModelError.self) {
            _ = try await runner.update(
                entity: "User", id: id(user), input: Self.input([("name", .null)]), expectedVersion: nil, actor: nil,
                now: now)
        }
        #expect(error?.code == .badUserInput)
        #expect(error?.field == "name")
    }

    // MARK: Delete

    @Test("deleting a @softDelete type sets deletedAt; the row becomes invisible but stays stored")
    func softDelete() async throws {
        let user = try await createUser()
        let project = try await createProject(owner: id(user))
        let later = now + 1_000_000
        let deleted = try await runner.delete(
            entity: "Project", id: id(project), expectedVersion: 1, actor: id(user), now: later)
        #expect(value(deleted, "Project", "deletedAt") == .timestamp(later))
        #expect(adapter.count("Project") == 1)
        let binding = Fixtures.entity("Project")
        let visible = try await adapter.list(ListRequest(entity: "Project", filter: binding.visibilityFilter))
        #expect(visible.rows.isEmpty)
        let again = await #expect(throws: ModelError.self) {
            _ = try await runner.delete(
                entity: "Project", id: id(project), expectedVersion: nil, actor: nil, now: later)
        }
        #expect(again?.code == .notFound)
        let update = await #expect(throws: ModelError.self) {
            _ = try await runner.update(
                entity: "Project", id: id(project), input: Self.input([("name", .string("X"))]),
                expectedVersion: nil, actor: nil, now: later)
        }
        #expect(update?.code == .notFound)
        let entry = try #require(try await auditEntries("DELETE", of: id(project)).first)
        #expect(audit(entry, "entityType") == .string("Project"))
        guard case .json(let text) = audit(entry, "changes") else { return }
        #expect(try JSONParser.parse(text)["deletedAt"] == .string("2024-05-01T12:30:01Z"))
    }

    @Test("deleting other types removes the row and audits it")
    func hardDelete() async throws {
        let user = try await createUser()
        let session = try await runner.create(
            entity: "Session",
            input: Self.input([
                ("userId", .string(id(user))), ("expiresAt", .dateTime(now)), ("lastAccessedAt", .dateTime(now)),
            ]),
            actor: nil, now: now)
        let deleted = try await runner.delete(
            entity: "Session", id: id(session), expectedVersion: nil, actor: nil, now: now)
        #expect(id(deleted) == id(session))
        #expect(adapter.count("Session") == 0)
        let entry = try #require(try await auditEntries("DELETE", of: id(session)).first)
        #expect(audit(entry, "changes") == .null)
    }

    @Test("deleting a row still referred to is CONSTRAINT_VIOLATION and keeps it")
    func restrictedDelete() async throws {
        let user = try await createUser()
        _ = try await createProject(owner: id(user))
        let error = await #expect(throws: ModelError.self) {
            _ = try await runner.delete(entity: "User", id: id(user), expectedVersion: nil, actor: nil, now: now)
        }
        #expect(error?.code == .constraintViolation)
        #expect(adapter.count("User") == 1)
    }

    // MARK: Derived

    @Test("kgCO2e is quantity × factor.value on create, and recomputed when a factor changes")
    func derivedProduct() async throws {
        let user = try await createUser()
        let lab = try await runner.create(
            entity: "Laboratory",
            input: Self.input([("name", .string("Lab")), ("code", .string("L1")), ("country", .string("FR"))]),
            actor: id(user), now: now)
        func factor(_ value: Double) async throws -> Row {
            try await runner.create(
                entity: "EmissionFactor",
                input: Self.input([
                    ("name", .string("grid")), ("category", .enumValue("ELECTRICITY")), ("unit", .string("kWh")),
                    ("value", .float(value)), ("validFrom", .date(19_000)), ("tags", .list([])),
                ]), actor: nil, now: now)
        }
        let half = try await factor(0.5)
        let quarter = try await factor(0.25)
        let record = try await runner.create(
            entity: "EmissionRecord",
            input: Self.input([
                ("laboratoryId", .string(id(lab))), ("factorId", .string(id(half))), ("quantity", .float(10)),
                ("activityDate", .date(19_500)),
            ]), actor: nil, now: now)
        #expect(value(record, "EmissionRecord", "kgCO2e") == .double(5))

        let moreQuantity = try await runner.update(
            entity: "EmissionRecord", id: id(record), input: Self.input([("quantity", .int(40))]),
            expectedVersion: nil, actor: nil, now: now)
        #expect(value(moreQuantity, "EmissionRecord", "kgCO2e") == .double(20))

        let otherFactor = try await runner.update(
            entity: "EmissionRecord", id: id(record), input: Self.input([("factorId", .string(id(quarter)))]),
            expectedVersion: nil, actor: nil, now: now)
        #expect(value(otherFactor, "EmissionRecord", "kgCO2e") == .double(10))

        let noteOnly = try await runner.update(
            entity: "EmissionRecord", id: id(record), input: Self.input([("note", .string("checked"))]),
            expectedVersion: nil, actor: nil, now: now)
        #expect(value(noteOnly, "EmissionRecord", "kgCO2e") == .double(10))
        #expect(value(noteOnly, "EmissionRecord", "version") == .int(4))

        let updates = try await auditEntries("UPDATE", of: id(record))
        #expect(updates.count == 3)
        let notes = updates.compactMap { entry -> JSONValue? in
            guard case .json(let text) = audit(entry, "changes") else { return nil }
            return try? JSONParser.parse(text)["note"]
        }
        #expect(notes == [.string("checked")])

        let missingFactor = await #expect(throws: ModelError.self) {
            _ = try await runner.create(
                entity: "EmissionRecord",
                input: Self.input([
                    ("laboratoryId", .string(id(lab))), ("factorId", .string("0b5e2d4a-1c3f-4e5a-8b9c-0d1e2f3a4b5c")),
                    ("quantity", .float(1)), ("activityDate", .date(19_500)),
                ]), actor: nil, now: now)
        }
        #expect(missingFactor?.code == .constraintViolation)
        #expect(missingFactor?.field == "factorId")
    }
}
