import StrataLanguage

/// Parse throughput of the corpus documents, measured like baseline-bench: after a warm-up (≥ 3 iterations and
/// ≥ 0.3 s), `rounds` rounds each parsing for at least `roundSeconds`; MB/s = bytes / median per-iteration time.
enum ParseBenchmark {
    static let documents = ["kitchen-sink.graphql", "large.graphql", "deep.graphql", "wide.graphql"]

    static func run(options: Options) throws {
        if let count = options.parseCount { return try parseUntimed(count, options: options) }
        print("Parse throughput (MB = 10^6 bytes; MB/s = bytes / median per-iteration time over \(options.parseRounds) rounds of >= \(fixed(options.roundSeconds, 1)) s)")
        print(pad("document", 22) + lpad("bytes", 9) + lpad("MB/s", 10) + lpad("best MB/s", 11) + lpad("median ms", 12) + lpad("iters/round", 13))
        for name in documents {
            let text = readText(options.corpus + "/" + name)
            let bytes = text.utf8.count
            do {
                _ = try parse(text, options: .noLimits)
            } catch {
                fail("\(name) does not parse: \(error.graphQLError(source: Source(text)).message)")
            }

            let warmupStart = clock.now
            var warmupIterations = 0
            while warmupIterations < 3 || (clock.now - warmupStart).seconds < 0.3 {
                sink &+= try parse(text, options: .noLimits).definitions.count
                warmupIterations += 1
            }

            var perIteration: [Double] = []
            var iterationsPerRound: [Int] = []
            for _ in 0..<options.parseRounds {
                let start = clock.now
                var iterations = 0
                var elapsed = 0.0
                repeat {
                    sink &+= try parse(text, options: .noLimits).definitions.count
                    iterations += 1
                    elapsed = (clock.now - start).seconds
                } while elapsed < options.roundSeconds
                perIteration.append(elapsed / Double(iterations))
                iterationsPerRound.append(iterations)
            }

            let sample = Sample(times: perIteration)
            let mbps = Double(bytes) / sample.median / 1e6
            let bestMbps = Double(bytes) / sample.min / 1e6
            print(
                pad(name, 22) + lpad(String(bytes), 9) + lpad(fixed(mbps, 2), 10) + lpad(fixed(bestMbps, 2), 11)
                    + lpad(ms(sample.median), 12) + lpad(String(iterationsPerRound.min()!), 13))
            record([
                "bench": .string("parse"), "impl": .string(implementation), "doc": .string(name),
                "bytes": .int(bytes), "mbps": .double(mbps, 3), "best_mbps": .double(bestMbps, 3),
                "median_ms": .double(sample.median * 1e3, 4), "rounds": .int(options.parseRounds),
                "min_iterations_per_round": .int(iterationsPerRound.min()!),
            ])
        }
        print("")
    }

    /// Parses every document `count` times, untimed: `valgrind --tool=callgrind strata-bench --only parse
    /// --parse-count N` then counts the parser's instructions (plus a fixed start-up cost) without the noise of time.
    private static func parseUntimed(_ count: Int, options: Options) throws {
        for name in documents {
            let text = readText(options.corpus + "/" + name)
            for _ in 0..<count { sink &+= try parse(text, options: .noLimits).definitions.count }
        }
        print("parsed each of \(documents.count) documents \(count) times")
    }
}
