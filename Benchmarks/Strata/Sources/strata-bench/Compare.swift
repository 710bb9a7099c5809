import Foundation

/// `strata-bench compare FILE...`: reads the JSON lines of baseline-bench, strata-bench and Benchmarks/run.sh's
/// wrk runs (lines starting with `{`; other lines are ignored) and prints one comparison table with the ratios and
/// the targets of the performance issue.
enum Compare {
    static let baseline = "GraphQLSwift 4.3.0"

    typealias Line = [String: Any]

    static func run(files: [String]) {
        var lines: [Line] = []
        for file in files {
            for text in readText(file).split(separator: "\n") where text.hasPrefix("{") {
                if let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? Line { lines.append(object) }
            }
        }
        func number(_ line: Line?, _ key: String) -> Double? { (line?[key] as? NSNumber)?.doubleValue }
        /// Every line of one measurement: run.sh measures the in-process sections in several passes, GraphQLSwift
        /// and Strata alternating, so that a slow spell of the machine weighs on both sides alike.
        func all(_ bench: String, _ impl: String, _ key: String, _ value: String, backend: String? = nil) -> [Line] {
            lines.filter {
                $0["bench"] as? String == bench && $0["impl"] as? String == impl && $0[key] as? String == value
                    && (backend == nil || $0["backend"] as? String == backend)
            }
        }
        /// The last line of one measurement (the sections measured in one pass).
        func find(_ bench: String, _ impl: String, _ key: String, _ value: String, backend: String? = nil) -> Line? {
            all(bench, impl, key, value, backend: backend).last
        }
        /// The median over the passes of one measurement's `key`.
        func pooled(_ lines: [Line], _ key: String) -> Double? {
            let values = lines.compactMap { number($0, key) }.sorted()
            guard !values.isEmpty else { return nil }
            let n = values.count
            return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2
        }
        let passes = all("validate", baseline, "doc", "large.graphql").count
        if passes > 1 {
            print("Parse, validate and execute: the median over \(passes) passes, GraphQLSwift and Strata alternating\n")
        }
        func cell(_ x: Double?, _ digits: Int = 2) -> String { x.map { fixed($0, digits) } ?? "—" }
        func verdict(_ met: Bool?) -> String {
            switch met {
            case true?: "met"
            case false?: "NOT met"
            case nil: "—"
            }
        }

        print("Parse (MB/s, median round)")
        print(pad("document", 22) + lpad("GraphQLSwift", 14) + lpad("Strata", 10) + lpad("ratio", 9) + "  target ≥30× and ≥100 MB/s")
        for doc in ParseBenchmark.documents {
            let base = pooled(all("parse", baseline, "doc", doc), "mbps")
            let ours = pooled(all("parse", implementation, "doc", doc), "mbps")
            let ratio = base.flatMap { b in ours.map { $0 / b } }
            let met = ratio.flatMap { r in ours.map { r >= 30 && $0 >= 100 } }
            print(pad(doc, 22) + lpad(cell(base), 14) + lpad(cell(ours), 10) + lpad(cell(ratio, 1) + "x", 9) + "  " + verdict(met))
        }

        print("\nValidate (ms, median)")
        print(pad("document", 22) + lpad("GraphQLSwift", 14) + lpad("Strata", 10) + lpad("ratio", 9) + "  target ≥50× (large)")
        for doc in ValidateBenchmark.documents {
            let base = pooled(all("validate", baseline, "doc", doc), "median_ms")
            let ours = pooled(all("validate", implementation, "doc", doc), "median_ms")
            let ratio = base.flatMap { b in ours.map { b / $0 } }
            let met = doc == "large.graphql" ? ratio.map { $0 >= 50 } : nil
            print(pad(doc, 22) + lpad(cell(base, 3), 14) + lpad(cell(ours, 3), 10) + lpad(cell(ratio, 1) + "x", 9) + "  " + verdict(met))
        }

        print("\nExecute on the memory backend (ms, median). GraphQLSwift: full = parse+validate+execute, execute = pre-parsed;")
        print("Strata: full = parse+validate+execute+JSON, cached = execute+JSON (document cache hit, what a server does)")
        print(pad("query", 7) + lpad("GQLS full", 11) + lpad("Strata full", 13) + lpad("ratio", 8) + lpad("GQLS exec", 11) + lpad("Strata cached", 15) + lpad("ratio", 8) + lpad("stmts", 7) + "  target (q3, q5: ≥50× and q3 < 1.5 ms)")
        for q in 1...5 {
            let name = "q\(q)"
            let base = all("execute", baseline, "query", name)
            let ours = all("execute", implementation, "query", name, backend: "memory")
            let baseFull = pooled(base, "full_ms"), oursFull = pooled(ours, "full_ms")
            let baseExec = pooled(base, "execute_ms"), oursExec = pooled(ours, "execute_ms")
            let fullRatio = baseFull.flatMap { b in oursFull.map { b / $0 } }
            let execRatio = baseExec.flatMap { b in oursExec.map { b / $0 } }
            var met: Bool?
            if q == 3 { met = execRatio.flatMap { r in oursExec.map { r >= 50 && $0 < 1.5 } } }
            if q == 5 { met = execRatio.map { $0 >= 50 } }
            let statements = pooled(ours, "statements").map { String(Int($0)) } ?? "—"
            print(
                pad(name, 7) + lpad(cell(baseFull, 3), 11) + lpad(cell(oursFull, 3), 13) + lpad(cell(fullRatio, 1) + "x", 8)
                    + lpad(cell(baseExec, 3), 11) + lpad(cell(oursExec, 3), 15) + lpad(cell(execRatio, 1) + "x", 8)
                    + lpad(statements, 7) + "  " + verdict(met))
        }

        for backend in ["sqlite", "postgres"] {
            let rows = (1...5).compactMap { find("sql", implementation, "query", "q\($0)", backend: backend) }
            if rows.isEmpty { continue }
            print("\n\(backend == "sqlite" ? "SQLite" : "PostgreSQL") (ms, median; statements in parentheses)")
            print(pad("query", 7) + lpad("loaders", 17) + lpad("no loaders", 19) + lpad("floor", 14) + lpad("loaders/floor", 15) + "  target (≤1.3× floor; q3/q4 ≤1.5×)")
            for line in rows {
                let name = line["query"] as? String ?? "?"
                func timed(_ key: String, _ statements: String) -> String {
                    "\(cell(number(line, key), 3)) (\(number(line, statements).map { String(Int($0)) } ?? "?"))"
                }
                let ratio = number(line, "loaders_ms").flatMap { l in number(line, "floor_ms").map { l / $0 } }
                let limit = name == "q3" || name == "q4" ? 1.5 : 1.3
                print(
                    pad(name, 7) + lpad(timed("loaders_ms", "loaders_statements"), 17)
                        + lpad(timed("no_loaders_ms", "no_loaders_statements"), 19)
                        + lpad(timed("floor_ms", "floor_statements"), 14) + lpad(cell(ratio) + "x", 15) + "  "
                        + verdict(ratio.map { $0 <= limit }))
            }
        }

        let http = lines.filter { $0["bench"] as? String == "http" }
        if !http.isEmpty {
            print("\nHTTP, wrk -t2 -c32 -d10s (requests/s; server and wrk share the 2 cores)")
            print(pad("server", 34) + pad("body", 10) + lpad("req/s", 11) + lpad("avg latency", 13) + lpad("non-2xx", 9) + lpad("vs GQLS", 9) + "  target ≥10,000 req/s (users100)")
            func rps(_ line: Line) -> Double? { number(line, "rps") }
            for line in http {
                let body = line["body"] as? String ?? "?"
                let base = http.last { $0["impl"] as? String == baseline && $0["body"] as? String == body }.flatMap(rps)
                let ours = rps(line)
                let isOurs = line["impl"] as? String != baseline
                let ratio = isOurs ? base.flatMap { b in ours.map { $0 / b } } : nil
                let met = isOurs && body == "users100" ? ours.map { $0 >= 10_000 } : nil
                print(
                    pad(line["server"] as? String ?? "?", 34) + pad(body, 10) + lpad(cell(ours, 0), 11)
                        + lpad((line["latency_avg"] as? String) ?? "—", 13)
                        + lpad(number(line, "non2xx").map { String(Int($0)) } ?? "0", 9)
                        + lpad(ratio.map { fixed($0, 1) + "x" } ?? "", 9) + "  " + verdict(met))
            }
        }
    }
}
