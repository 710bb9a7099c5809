// The deterministic in-memory dataset behind bench.graphql.
//
// Every peer implementation builds the same rows from the same formulas (documented in
// Benchmarks/Baseline/README.md) so that query results are byte-comparable:
//
//   users    i = 1...1000   id "u<i>", name "User <i>", email "user<i>@example.com",
//                           role ADMIN/MEMBER/GUEST cycling from i = 1,
//                           createdAt "2024-MM-DDTHH:MM:00Z" (see `createdAt(forUser:)`)
//   projects i = 1...200    id "p<i>", name "Project <i>", owner "u<((i*7) % 1000) + 1>",
//                           status PLANNED/ACTIVE/ARCHIVED cycling from i = 1
//   tasks    i = 1...20000  id "t<i>", title "Task <i>", project "p<((i-1) % 200) + 1>",
//                           assignee "u<((i*13) % 1000) + 1>" or null when i % 10 == 0,
//                           status TODO/IN_PROGRESS/IN_REVIEW/DONE and
//                           priority LOW/MEDIUM/HIGH/URGENT cycling from i = 1,
//                           tags ["tag<i % 5>"], dueDate "2025-MM-DD" or null when i % 3 == 0
//
// Per-parent lists (a project's tasks, a user's projects and assigned tasks) are grouped once
// at start-up and keep dataset order, so `first: N` is a plain prefix.

/// One `User` row.
public struct UserRow: Sendable {
    public let id: String
    public let email: String
    public let name: String
    public let role: String
    public let createdAt: String
}

/// One `Project` row; `ownerID` is resolved through `Dataset.usersByID`.
public struct ProjectRow: Sendable {
    public let id: String
    public let name: String
    public let status: String
    public let ownerID: String
}

/// One `Task` row; relations are resolved through the dataset's dictionaries.
public struct TaskRow: Sendable {
    public let id: String
    public let title: String
    public let status: String
    public let priority: String
    public let tags: [String]
    public let dueDate: String?
    public let assigneeID: String?
    public let projectID: String
}

/// All rows plus the lookup tables the resolvers use. Immutable after `init`.
public final class Dataset: Sendable {
    public static let userCount = 1_000
    public static let projectCount = 200
    public static let taskCount = 20_000

    static let roles = ["ADMIN", "MEMBER", "GUEST"]
    static let projectStatuses = ["PLANNED", "ACTIVE", "ARCHIVED"]
    static let taskStatuses = ["TODO", "IN_PROGRESS", "IN_REVIEW", "DONE"]
    static let taskPriorities = ["LOW", "MEDIUM", "HIGH", "URGENT"]

    public let users: [UserRow]
    public let projects: [ProjectRow]
    public let tasks: [TaskRow]

    public let usersByID: [String: UserRow]
    public let projectsByID: [String: ProjectRow]
    /// A project's tasks, in dataset order.
    public let tasksByProject: [String: [TaskRow]]
    /// A user's assigned tasks, in dataset order.
    public let tasksByAssignee: [String: [TaskRow]]
    /// A user's owned projects, in dataset order.
    public let projectsByOwner: [String: [ProjectRow]]

    public init() {
        var users: [UserRow] = []
        users.reserveCapacity(Self.userCount)
        for i in 1...Self.userCount {
            users.append(
                UserRow(
                    id: "u\(i)",
                    email: "user\(i)@example.com",
                    name: "User \(i)",
                    role: Self.roles[(i - 1) % Self.roles.count],
                    createdAt: Self.createdAt(forUser: i)
                )
            )
        }

        var projects: [ProjectRow] = []
        projects.reserveCapacity(Self.projectCount)
        for i in 1...Self.projectCount {
            projects.append(
                ProjectRow(
                    id: "p\(i)",
                    name: "Project \(i)",
                    status: Self.projectStatuses[(i - 1) % Self.projectStatuses.count],
                    ownerID: "u\(((i * 7) % Self.userCount) + 1)"
                )
            )
        }

        var tasks: [TaskRow] = []
        tasks.reserveCapacity(Self.taskCount)
        for i in 1...Self.taskCount {
            tasks.append(
                TaskRow(
                    id: "t\(i)",
                    title: "Task \(i)",
                    status: Self.taskStatuses[(i - 1) % Self.taskStatuses.count],
                    priority: Self.taskPriorities[(i - 1) % Self.taskPriorities.count],
                    tags: ["tag\(i % 5)"],
                    dueDate: i % 3 == 0 ? nil : Self.dueDate(forTask: i),
                    assigneeID: i % 10 == 0 ? nil : "u\(((i * 13) % Self.userCount) + 1)",
                    projectID: "p\(((i - 1) % Self.projectCount) + 1)"
                )
            )
        }

        var usersByID: [String: UserRow] = [:]
        usersByID.reserveCapacity(users.count)
        for user in users { usersByID[user.id] = user }

        var projectsByID: [String: ProjectRow] = [:]
        var projectsByOwner: [String: [ProjectRow]] = [:]
        for project in projects {
            projectsByID[project.id] = project
            projectsByOwner[project.ownerID, default: []].append(project)
        }

        var tasksByProject: [String: [TaskRow]] = [:]
        var tasksByAssignee: [String: [TaskRow]] = [:]
        for task in tasks {
            tasksByProject[task.projectID, default: []].append(task)
            if let assignee = task.assigneeID {
                tasksByAssignee[assignee, default: []].append(task)
            }
        }

        self.users = users
        self.projects = projects
        self.tasks = tasks
        self.usersByID = usersByID
        self.projectsByID = projectsByID
        self.tasksByProject = tasksByProject
        self.tasksByAssignee = tasksByAssignee
        self.projectsByOwner = projectsByOwner
    }

    /// `createdAt` of user `i`: "2024-MM-DDTHH:MM:00Z" with MM = ((i-1) % 12) + 1,
    /// DD = ((i-1) % 28) + 1, HH = i % 24, minutes = i % 60.
    static func createdAt(forUser i: Int) -> String {
        "2024-\(twoDigits(((i - 1) % 12) + 1))-\(twoDigits(((i - 1) % 28) + 1))"
            + "T\(twoDigits(i % 24)):\(twoDigits(i % 60)):00Z"
    }

    /// `dueDate` of task `i` (when not null): "2025-MM-DD" with MM = ((i-1) % 12) + 1,
    /// DD = ((i-1) % 28) + 1.
    static func dueDate(forTask i: Int) -> String {
        "2025-\(twoDigits(((i - 1) % 12) + 1))-\(twoDigits(((i - 1) % 28) + 1))"
    }

    private static func twoDigits(_ n: Int) -> String {
        n < 10 ? "0\(n)" : "\(n)"
    }
}

extension Array {
    /// The list after a `first: N` argument: all items when `n` is nil, else the first N
    /// (a negative N yields an empty list).
    func limited(to n: Int?) -> [Element] {
        guard let n else { return self }
        return n >= count ? self : Array(prefix(Swift.max(0, n)))
    }
}
