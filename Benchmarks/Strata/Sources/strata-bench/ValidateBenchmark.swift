import StrataLanguage
import StrataSchema
import StrataValidation

/// Validation of the corpus documents against `Schema.build(sdl: bench.graphql)` with the specified rules:
/// each document is parsed once, then `validate` is timed (median and minimum of `validateRuns` runs).
enum ValidateBenchmark {
    static let documents = ["large.graphql", "deep.graphql", "wide.graphql"]

    static func run(options: Options) async throws {
        let schema = benchSchema(options: options)
        print("Validation against Schema.build(bench.graphql), specifiedRules (median of \(options.validateRuns) runs after \(options.warmupRuns) warm-up)")
        print(pad("document", 22) + lpad("median ms", 12) + lpad("min ms", 12) + lpad("errors", 8))
        for name in documents {
            let document = try parse(readText(options.corpus + "/" + name), options: .noLimits)
            let errors = validate(document, schema: schema)
            let sample = await measure(runs: options.validateRuns, warmup: options.warmupRuns) {
                validate(document, schema: schema).count
            }
            print(pad(name, 22) + lpad(ms(sample.median), 12) + lpad(ms(sample.min), 12) + lpad(String(errors.count), 8))
            for error in errors.prefix(3) { print("    error: \(error.message)") }
            record([
                "bench": .string("validate"), "impl": .string(implementation), "doc": .string(name),
                "median_ms": .double(sample.median * 1e3, 4), "min_ms": .double(sample.min * 1e3, 4),
                "runs": .int(options.validateRuns), "errors": .int(errors.count),
            ])
        }
        print("")
    }

    static func benchSchema(options: Options) -> Schema {
        do {
            return try Schema.build(sdl: readText(options.corpus + "/bench.graphql"), name: "bench.graphql")
        } catch {
            fail("Schema.build(bench.graphql) failed: \(error)")
        }
    }

    /// Validates every document `count` times, untimed and synchronously (valgrind cannot follow the benchmark's
    /// async tasks here): `valgrind --tool=callgrind strata-bench --only validate --validate-count N` counts
    /// validation's instructions plus a fixed start-up cost (`--validate-count 1` gives it minus one round).
    static func validateUntimed(_ count: Int, options: Options) throws {
        let schema = benchSchema(options: options)
        for name in documents {
            let document = try parse(readText(options.corpus + "/" + name), options: .noLimits)
            for _ in 0..<count { sink &+= validate(document, schema: schema).count }
        }
        print("validated each of \(documents.count) documents \(count) times")
    }
}
