import Foundation
import StrataJSON
import Testing

/// The same operation gives the same response on every backend: every case of `Cases/` against the fixture
/// dataset, compared byte for byte (member order, string bytes) with its expected `<name>.json`.
///
/// `STRATA_RECORD_GOLDEN=1` rewrites the expected files from the memory backend (the reference), and
/// `STRATA_RECORD_GOLDEN=name,name` just those cases' files; review the diff. Other backends are skipped then.
@Suite struct GoldenCaseTests {
    static let cases = GoldenCase.all()

    @Test("the case directory holds at least 40 cases, each with an expected response")
    func caseInventory() {
        #expect(Self.cases.count >= 40, "only \(Self.cases.count) cases")
        if GoldenCase.isRecording { return }
        for golden in Self.cases {
            #expect(FileManager.default.fileExists(atPath: golden.expectedURL.path), "\(golden.name).json is missing")
        }
    }

    @Test("every read-only case returns its expected response", arguments: ConformanceBackend.allCases)
    func readCases(backend: ConformanceBackend) async throws {
        if GoldenCase.isRecording && backend != .memory { return }
        guard let database = try await ConformanceDatabase.open(backend) else { return }
        for golden in Self.cases where !golden.isMutation {
            await Self.check(golden, on: database)
        }
        await database.close()
    }

    @Test("every mutating case returns its expected responses on a fresh database", arguments: ConformanceBackend.allCases)
    func mutationCases(backend: ConformanceBackend) async throws {
        if GoldenCase.isRecording && backend != .memory { return }
        for golden in Self.cases where golden.isMutation {
            guard let database = try await ConformanceDatabase.open(backend) else { return }
            await Self.check(golden, on: database)
            await database.close()
        }
    }

    static func check(_ golden: GoldenCase, on database: ConformanceDatabase) async {
        let (json, _) = await database.run(golden.query, variables: golden.variables)
        compare(json, golden.expectedURL, label: "\(golden.name) on \(database.backend)", record: golden.isRecorded)
        if let after = golden.afterQuery {
            let (afterJSON, _) = await database.run(after, variables: golden.variables)
            compare(
                afterJSON, golden.afterExpectedURL, label: "\(golden.name).after on \(database.backend)",
                record: golden.isRecorded)
        }
    }

    static func compare(_ actual: JSONValue, _ url: URL, label: String, record: Bool) {
        if record {
            do {
                try actual.prettyText().write(to: url, atomically: true, encoding: .utf8)
            } catch {
                Issue.record("\(label): cannot write \(url.lastPathComponent): \(error)")
            }
            return
        }
        let expected: JSONValue
        do {
            expected = try JSONParser.parse(try String(contentsOf: url, encoding: .utf8))
        } catch {
            Issue.record("\(label): cannot read \(url.lastPathComponent): \(error)")
            return
        }
        if !actual.isByteIdentical(to: expected) {
            Issue.record("\(label) differs:\n  expected \(expected.serialized())\n  actual   \(actual.serialized())")
        }
    }
}
