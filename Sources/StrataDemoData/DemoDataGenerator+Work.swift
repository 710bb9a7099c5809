import StrataStorage

/// Projects, tasks and the activity log.
extension DemoDataGenerator {
    struct DemoTask {
        var title: String
        var description: String?
        var status: String
        var priority: String
        var tags: [String]
        var dueDate: Int64?
        var estimateHours: Double?
        var project: Int
        var assignee: Int?
        var createdBy: Int
        var completedAt: Int64?
        var createdAt: Int64
        var updatedAt: Int64
    }

    var taskCount: Int { scale.projects * scale.tasksPerProject }

    func projectOwner(_ p: Int) -> Int { 1 + ((p - 1) * 7) % scale.users }

    /// Projects start over eight months from February 2024.
    func projectCreatedAt(_ p: Int) -> Int64 {
        DemoIdentity.epoch + 30 * DemoIdentity.day + Int64(p - 1) * 240 * DemoIdentity.day / Int64(max(1, scale.projects))
            + Int64(p * 104_729 % 86_400) * DemoIdentity.second
    }

    func projectName(_ p: Int) -> String {
        let nouns = DemoVocabulary.projectNouns
        let kinds = DemoVocabulary.projectKinds
        let base = "\(nouns[(p - 1) % nouns.count]) \(kinds[((p - 1) / nouns.count + (p - 1) * 3) % kinds.count])"
        return p <= nouns.count ? base : "\(base) \((p - 1) / nouns.count + 1)"
    }

    func projects(_ entity: EntityDescriptor) -> [Row] {
        guard scale.projects > 0 else { return [] }
        var b = DemoRowBuilder(entity)
        let (id, name, description, status, owner) = (
            b.column("id"), b.column("name"), b.column("description"), b.column("status"), b.column("owner_id")
        )
        let (created, updated, version) = (b.column("created_at"), b.column("updated_at"), b.column("version"))
        var rows: [Row] = []
        rows.reserveCapacity(scale.projects)
        for p in 1...scale.projects {
            var rng = SplitMix64(entity: Code.project.rawValue, index: p)
            b.set(id, .string(DemoIdentity.uuid(.project, p)))
            b.set(name, .string(projectName(p)))
            if rng.percent(70) { b.set(description, .string(rng.pick(DemoVocabulary.projectDescriptions))) }
            b.set(status, .string(["PLANNED", "ACTIVE", "ARCHIVED"][rng.weighted([20, 65, 15])]))
            b.set(owner, userID(projectOwner(p)))
            let createdAt = projectCreatedAt(p)
            b.set(created, .timestamp(createdAt))
            b.set(updated, .timestamp(createdAt + Int64(rng.int(0..<90 * 24)) * DemoIdentity.hour))
            b.set(version, .int(1))
            rows.append(b.finish())
        }
        return rows
    }

    /// Task `t` (1-based over all projects; project `(t - 1) / tasksPerProject + 1`).
    func task(_ t: Int) -> DemoTask {
        var rng = SplitMix64(entity: Code.task.rawValue, index: t)
        let project = (t - 1) / scale.tasksPerProject + 1
        let title = "\(rng.pick(DemoVocabulary.taskVerbs)) \(rng.pick(DemoVocabulary.taskObjects))"
        let description = rng.percent(60) ? rng.pick(DemoVocabulary.taskDescriptions) : nil
        let status = ["TODO", "IN_PROGRESS", "IN_REVIEW", "COMPLETED", "CANCELLED"][rng.weighted([30, 25, 10, 30, 5])]
        let priority = ["LOW", "MEDIUM", "HIGH", "CRITICAL"][rng.weighted([25, 45, 22, 8])]
        let tags = rng.distinct(rng.int(0...3), of: DemoVocabulary.tags)
        let createdAt = projectCreatedAt(project) + Int64(rng.int(0..<180 * 24 * 60)) * DemoIdentity.minute
        let dueDate = rng.int(0..<3) == 0 ? nil : createdAt + Int64(rng.int(1...90)) * DemoIdentity.day
        let estimate = rng.percent(80) ? rng.pick([0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 40]) : nil
        let assignee = rng.percent(10) ? nil : rng.int(1...scale.users)
        let createdBy = rng.percent(60) ? projectOwner(project) : rng.int(1...scale.users)
        let completedAt = status == "COMPLETED" ? createdAt + Int64(rng.int(1..<60 * 24)) * DemoIdentity.hour : nil
        let updatedAt = (completedAt ?? createdAt) + Int64(rng.int(0..<600)) * DemoIdentity.minute
        return DemoTask(
            title: title, description: description, status: status, priority: priority, tags: tags, dueDate: dueDate,
            estimateHours: estimate, project: project, assignee: assignee, createdBy: createdBy,
            completedAt: completedAt, createdAt: createdAt, updatedAt: updatedAt)
    }

    func tasks(_ entity: EntityDescriptor) -> [Row] {
        guard taskCount > 0 else { return [] }
        var b = DemoRowBuilder(entity)
        let (id, title, description, status, priority, tags) = (
            b.column("id"), b.column("title"), b.column("description"), b.column("status"), b.column("priority"),
            b.column("tags")
        )
        let (due, estimate, project, assignee, createdBy, completed) = (
            b.column("due_date"), b.column("estimate_hours"), b.column("project_id"), b.column("assignee_id"),
            b.column("created_by_id"), b.column("completed_at")
        )
        let (created, updated, version) = (b.column("created_at"), b.column("updated_at"), b.column("version"))
        var rows: [Row] = []
        rows.reserveCapacity(taskCount)
        for t in 1...taskCount {
            let task = task(t)
            b.set(id, .string(DemoIdentity.uuid(.task, t)))
            b.set(title, .string(task.title))
            b.set(description, task.description.map { .string($0) } ?? .null)
            b.set(status, .string(task.status))
            b.set(priority, .string(task.priority))
            b.set(tags, .stringList(task.tags))
            b.set(due, task.dueDate.map { .timestamp($0) } ?? .null)
            b.set(estimate, task.estimateHours.map { .double($0) } ?? .null)
            b.set(project, .string(DemoIdentity.uuid(.project, task.project)))
            b.set(assignee, task.assignee.map(userID) ?? .null)
            b.set(createdBy, userID(task.createdBy))
            b.set(completed, task.completedAt.map { .timestamp($0) } ?? .null)
            b.set(created, .timestamp(task.createdAt))
            b.set(updated, .timestamp(task.updatedAt))
            b.set(version, .int(1))
            rows.append(b.finish())
        }
        return rows
    }

    /// CREATE entries for every project, every laboratory and every fifth task; UPDATE entries for every tenth
    /// task that was completed.
    func activityLog(_ entity: EntityDescriptor) -> [Row] {
        var b = DemoRowBuilder(entity)
        let (id, type, entityID, action, actor, changes, created) = (
            b.column("id"), b.column("entity_type"), b.column("entity_id"), b.column("action"), b.column("actor_id"),
            b.column("changes"), b.column("created_at")
        )
        var rows: [Row] = []
        func add(_ kind: String, _ target: String, _ verb: String, _ by: Int?, _ json: String?, _ at: Int64) {
            b.set(id, .string(DemoIdentity.uuid(.activityLog, rows.count + 1)))
            b.set(type, .string(kind))
            b.set(entityID, .string(target))
            b.set(action, .string(verb))
            b.set(actor, by.map(userID) ?? .null)
            b.set(changes, json.map { .json($0) } ?? .null)
            b.set(created, .timestamp(at))
            rows.append(b.finish())
        }
        if scale.projects > 0 {
            for p in 1...scale.projects {
                add(
                    "Project", DemoIdentity.uuid(.project, p), "CREATE", projectOwner(p),
                    DemoJSON.object([("name", .string(projectName(p)))]), projectCreatedAt(p))
            }
        }
        if scale.laboratories > 0 {
            for l in 1...scale.laboratories {
                add(
                    "Laboratory", DemoIdentity.uuid(.laboratory, l), "CREATE", nil,
                    DemoJSON.object([("code", .string(laboratoryCode(l)))]), laboratoryCreatedAt(l))
            }
        }
        if taskCount > 0 {
            for t in 1...taskCount where t % 5 == 1 || t % 10 == 0 {
                let task = task(t)
                if t % 5 == 1 {
                    add(
                        "Task", DemoIdentity.uuid(.task, t), "CREATE", task.createdBy,
                        DemoJSON.object([("title", .string(task.title)), ("status", .string("TODO"))]), task.createdAt)
                }
                if t % 10 == 0, let completedAt = task.completedAt {
                    add(
                        "Task", DemoIdentity.uuid(.task, t), "UPDATE", task.assignee,
                        DemoJSON.object([("status", .string("COMPLETED"))]), completedAt)
                }
            }
        }
        return rows
    }
}
