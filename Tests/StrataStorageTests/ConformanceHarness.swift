import StrataStorage
import Testing

/// Runs `body` against a fresh adapter of `kind` loaded with `LibraryFixtures`, closing it afterwards.
func withLibrary(_ kind: AdapterKind, _ body: (any StorageAdapter) async throws -> Void) async throws {
    try await withEmptyLibrary(kind) { adapter in
        try await LibraryFixtures.load(into: adapter)
        try await body(adapter)
    }
}

/// Runs `body` against a fresh adapter of `kind` with the library model and no rows.
func withEmptyLibrary(_ kind: AdapterKind, _ body: (any StorageAdapter) async throws -> Void) async throws {
    let adapter = try await makeAdapter(kind, model: LibraryModel.model)
    do {
        try await body(adapter)
    } catch {
        await adapter.close()
        throw error
    }
    await adapter.close()
}

/// Expects `body` to throw a `StorageError` with `code`.
func expectStorageError(
    _ code: StorageError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async {
    do {
        try await body()
        Issue.record("expected \(code), got no error", sourceLocation: sourceLocation)
    } catch let error as StorageError {
        #expect(error.code == code, "\(error.debugDescription)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected StorageError \(code), got \(error)", sourceLocation: sourceLocation)
    }
}

extension StorageAdapter {
    /// Fixture numbers (the last digits of the ids) of `entity`'s rows matching `filter`, in id order.
    func numbers(_ entity: EntityDescriptor, where filter: Predicate?) async throws -> [Int] {
        let page = try await list(ListRequest(entity: entity.name, filter: filter, orderBy: [SortKey("id")]))
        return page.rows.map { fixtureNumber($0[0]) }
    }

    /// Fixture numbers of `entity`'s rows in the order `orderBy` gives.
    func numbers(_ entity: EntityDescriptor, orderedBy orderBy: [SortKey], where filter: Predicate? = nil) async throws
        -> [Int]
    {
        let page = try await list(ListRequest(entity: entity.name, filter: filter, orderBy: orderBy))
        return page.rows.map { fixtureNumber($0[0]) }
    }

    /// The row of `entity` with primary key `id`, read outside any transaction.
    func row(_ entity: EntityDescriptor, _ id: String) async throws -> Row? {
        try await lookup(LookupRequest(entity: entity.name, column: "id", keys: [.string(id)])).first
    }

    /// Number of rows of `entity`.
    func count(_ entity: EntityDescriptor, where filter: Predicate? = nil) async throws -> Int {
        try await list(ListRequest(entity: entity.name, filter: filter, limit: 0, includeTotalCount: true)).totalCount ?? -1
    }
}

/// The row number encoded in a fixture id (`fixtureID(_:_:)`).
func fixtureNumber(_ id: StorageValue) -> Int {
    guard case .string(let s) = id, let n = Int(s.suffix(12), radix: 16) else { return -1 }
    return n
}
