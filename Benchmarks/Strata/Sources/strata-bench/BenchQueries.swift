/// q1–q5 of /work/shared/bench/queries rewritten for Strata's default schema (schema.graphql): same shapes,
/// same row counts (the benchmark demo scale has 1,000 users, 200 projects and 100 tasks per project).
struct BenchQuery {
    var name: String
    var text: String
    /// A field name and how many times it must appear in the response (a cheap check of the row count).
    var check: (field: String, count: Int)
}

enum BenchQueries {
    /// The 42nd demo user (`DemoIdentity.uuid(.user, 42)`).
    static let user42 = "00000001-0000-4000-8000-00000000002a"

    static let all: [BenchQuery] = [
        BenchQuery(
            name: "q1",
            text: """
                query Q1 {
                  user(id: "\(user42)") { id name email role createdAt }
                }
                """,
            check: ("email", 1)),
        BenchQuery(
            name: "q2",
            text: """
                query Q2 {
                  users(first: 100) { id name email role createdAt }
                }
                """,
            check: ("email", 100)),
        BenchQuery(
            name: "q3",
            text: """
                query Q3 {
                  projects(first: 50) {
                    id
                    name
                    owner { name }
                    tasks(first: 20) { title assignee { name } }
                  }
                }
                """,
            check: ("title", 1_000)),
        BenchQuery(
            name: "q4",
            text: """
                query Q4 {
                  list: projects(first: 50) { ...ProjectCard }
                }

                fragment ProjectCard on Project {
                  pid: id
                  label: name
                  owner { ...UserName }
                  items: tasks(first: 20) {
                    ... on Task { heading: title }
                    assignee { ...UserName }
                  }
                }

                fragment UserName on User {
                  displayName: name
                }
                """,
            check: ("heading", 1_000)),
        BenchQuery(
            name: "q5",
            text: """
                query Q5 {
                  tasks(first: 5000) { id title status project { name } }
                }
                """,
            check: ("title", 5_000)),
    ]

    /// Occurrences of `"field":` in a JSON body.
    static func count(field: String, in body: [UInt8]) -> Int {
        let needle = Array("\"\(field)\":".utf8)
        var count = 0
        var i = 0
        let last = body.count - needle.count
        while i <= last {
            if body[i] == needle[0] && body[i..<(i + needle.count)].elementsEqual(needle) {
                count += 1
                i += needle.count
            } else {
                i += 1
            }
        }
        return count
    }
}
