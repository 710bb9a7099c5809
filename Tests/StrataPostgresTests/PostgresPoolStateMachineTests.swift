import Testing

@testable import StrataPostgres

@Suite("Pool state machine")
struct PostgresPoolStateMachineTests {
    typealias Machine = PostgresPoolStateMachine

    @Test("the first request opens a connection and gets it once it is open")
    func openOnDemand() {
        var machine = Machine(maxConnections: 2)
        #expect(machine.requestConnection(1) == [.startTimer(1), .open(1)])
        #expect(machine.connectionOpened(1) == [.lease(1, to: 1)])
        #expect(machine.connectionReleased(1, reusable: true) == [])
        #expect(machine.idle == [1])
        #expect(machine.requestConnection(2) == [.lease(1, to: 2)])
    }

    @Test("no more than maxConnections exist; later requests queue in FIFO order")
    func bounded() {
        var machine = Machine(maxConnections: 2)
        _ = machine.requestConnection(1)
        _ = machine.requestConnection(2)
        #expect(machine.requestConnection(3) == [.startTimer(3)])
        #expect(machine.connectionCount == 2)
        #expect(machine.connectionOpened(1) == [.lease(1, to: 1)])
        #expect(machine.connectionOpened(2) == [.lease(2, to: 2)])
        #expect(machine.requestConnection(4) == [.startTimer(4)])
        #expect(machine.connectionReleased(2, reusable: true) == [.lease(2, to: 3)])
        #expect(machine.connectionReleased(1, reusable: true) == [.lease(1, to: 4)])
        #expect(machine.waiters.isEmpty)
    }

    @Test("a queued request that times out fails, and a served one ignores its timer")
    func timeouts() {
        var machine = Machine(maxConnections: 1)
        _ = machine.requestConnection(1)
        _ = machine.connectionOpened(1)
        _ = machine.requestConnection(2)
        #expect(machine.requestTimedOut(2) == [.fail(2, .timedOut)])
        #expect(machine.requestTimedOut(2) == [])
        #expect(machine.requestTimedOut(1) == [])
        #expect(machine.connectionReleased(1, reusable: true) == [])
        #expect(machine.idle == [1])
    }

    @Test("a request served by a connection being opened outlives its checkout timer")
    func timeoutWhileOpening() {
        var machine = Machine(maxConnections: 1)
        _ = machine.requestConnection(1)
        _ = machine.requestConnection(2)
        #expect(machine.requestTimedOut(1) == [.startTimer(1)])
        #expect(machine.requestTimedOut(2) == [.fail(2, .timedOut)])
        #expect(machine.connectionOpened(1) == [.lease(1, to: 1)])
    }

    @Test("a failed open fails the oldest waiter and retries for the others")
    func failedOpen() {
        var machine = Machine(maxConnections: 1)
        _ = machine.requestConnection(1)
        _ = machine.requestConnection(2)
        let error = PostgresError.connectionFailed("refused")
        #expect(machine.connectionFailed(1, error) == [.fail(1, .connectFailed(error)), .open(2)])
        #expect(machine.connectionFailed(2, error) == [.fail(2, .connectFailed(error))])
        #expect(machine.connectionCount == 0)
        #expect(machine.requestConnection(3) == [.startTimer(3), .open(3)])
    }

    @Test("a connection released in an unknown state is closed and replaced for waiters")
    func brokenRelease() {
        var machine = Machine(maxConnections: 1)
        _ = machine.requestConnection(1)
        _ = machine.connectionOpened(1)
        _ = machine.requestConnection(2)
        #expect(machine.connectionReleased(1, reusable: false) == [.close(1), .open(2)])
        #expect(machine.connectionOpened(2) == [.lease(2, to: 2)])
        #expect(machine.connectionReleased(2, reusable: false) == [.close(2)])
        #expect(machine.connectionCount == 0)
    }

    @Test("closing fails waiters, closes idle connections, and closes the rest when they come back")
    func closing() {
        var machine = Machine(maxConnections: 2)
        _ = machine.requestConnection(1)
        _ = machine.connectionOpened(1)
        #expect(machine.requestConnection(2) == [.startTimer(2), .open(2)])
        #expect(machine.requestConnection(3) == [.startTimer(3)])
        #expect(machine.close() == [.fail(2, .closed), .fail(3, .closed)])
        #expect(machine.connectionReleased(1, reusable: true) == [.close(1)])
        #expect(machine.connectionOpened(2) == [.close(2)])
        #expect(machine.requestConnection(4) == [.fail(4, .closed)])
    }

    @Test("a cancelled waiter leaves the queue")
    func cancellation() {
        var machine = Machine(maxConnections: 1)
        _ = machine.requestConnection(1)
        _ = machine.connectionOpened(1)
        _ = machine.requestConnection(2)
        _ = machine.requestConnection(3)
        #expect(machine.requestCancelled(2) == [.fail(2, .cancelled)])
        #expect(machine.connectionReleased(1, reusable: true) == [.lease(1, to: 3)])
    }
}
