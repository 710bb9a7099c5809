import StrataStorage
import Testing

@testable import StrataExecution

/// `RequestLoaders.dispatch(deferring:)`: a lookup whose resolver can wait goes with the next step's lookups of
/// the same shape, never alone and never later than one step.
@Suite struct LookupDeferralTests {
    static let users = RequestLoaders.LookupShape(source: "default", entity: "User", column: "id", filter: nil)

    /// Loaders over the small demo data, and two user ids that exist.
    static func loaders() async throws -> (RequestLoaders, StorageValue, StorageValue) {
        let (_, adapter) = try await DefaultSchemaFixture.executor()
        let page = try await adapter.list(ListRequest(entity: "User", limit: 2))
        #expect(page.rows.count == 2)
        guard let column = adapter.model[entity: "User"]?.columnIndex("id"), page.rows.count == 2 else {
            throw LookupDeferralError.noUsers
        }
        return (RequestLoaders(storage: StorageRouter(single: adapter)), page.rows[0][column], page.rows[1][column])
    }

    enum LookupDeferralError: Error { case noUsers }

    /// Registers `key` as a resolver that can wait would.
    static func requestWaiting(_ loaders: RequestLoaders, _ key: StorageValue) {
        loaders.requestsCanWait = true
        loaders.requestLookup(users, key: key)
        loaders.requestsCanWait = false
    }

    static func found(_ loaders: RequestLoaders, _ key: StorageValue) -> Bool {
        if case .success(_?) = loaders.lookupResult(users, key: key) { return true }
        return false
    }

    @Test("a lookup that can wait stays pending while another request goes, then goes with the next step's keys")
    func waitingLookupJoinsTheNextStep() async throws {
        let (loaders, first, second) = try await Self.loaders()
        let recorder = StatementRecorder()
        await StatementRecorder.$current.withValue(recorder) {
            Self.requestWaiting(loaders, first)
            loaders.requestList(source: "default", ListRequest(entity: "Project", limit: 3))
            let deferred = await loaders.dispatch(deferring: [Self.users])
            #expect(deferred == [Self.users])
            #expect(recorder.totalStatements == 1)
            #expect(!Self.found(loaders, first))
            let projects = loaders.listResult(source: "default", ListRequest(entity: "Project", limit: 3))
            #expect((try? projects.get())?.rows.count == 3)

            // The next step asks for another key of the same shape (and could wait again): both go now, together.
            Self.requestWaiting(loaders, second)
            loaders.requestList(source: "default", ListRequest(entity: "Task", limit: 1))
            let deferredAgain = await loaders.dispatch(deferring: [Self.users])
            #expect(deferredAgain.isEmpty)
            #expect(recorder.totalStatements == 3)
            #expect(Self.found(loaders, first))
            #expect(Self.found(loaders, second))
        }
    }

    @Test("a shape that a resolver which cannot wait also asked for goes at once")
    func pinnedShapeGoesNow() async throws {
        let (loaders, first, second) = try await Self.loaders()
        Self.requestWaiting(loaders, first)
        loaders.requestLookup(Self.users, key: second)
        loaders.requestList(source: "default", ListRequest(entity: "Project", limit: 3))
        let deferred = await loaders.dispatch(deferring: [Self.users])
        #expect(deferred.isEmpty)
        #expect(Self.found(loaders, first))
        #expect(Self.found(loaders, second))
    }

    @Test("a lookup never waits alone: with nothing else to send it goes now")
    func loneLookupDoesNotWait() async throws {
        let (loaders, first, _) = try await Self.loaders()
        let recorder = StatementRecorder()
        await StatementRecorder.$current.withValue(recorder) {
            Self.requestWaiting(loaders, first)
            let deferred = await loaders.dispatch(deferring: [Self.users])
            #expect(deferred.isEmpty)
            #expect(recorder.totalStatements == 1)
            #expect(Self.found(loaders, first))
        }
    }

    @Test("a shape the executor did not name as a candidate never waits")
    func onlyCandidatesWait() async throws {
        let (loaders, first, _) = try await Self.loaders()
        Self.requestWaiting(loaders, first)
        loaders.requestList(source: "default", ListRequest(entity: "Project", limit: 3))
        let deferred = await loaders.dispatch(deferring: [])
        #expect(deferred.isEmpty)
        #expect(Self.found(loaders, first))
    }
}
