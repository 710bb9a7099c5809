import StrataLanguage
import StrataModel
import StrataSchema
import StrataStorage
import Testing

@Suite struct DataModelBuilderTests {
    let model = Fixtures.model

    @Test("every @table type of schema.graphql becomes an entity")
    func entitiesOfDefaultSchema() {
        let names = Set(model.storage.entities.map(\.name))
        #expect(
            names == [
                "User", "Profile", "Session", "Project", "Task", "ActivityLog", "Laboratory", "LaboratoryMember",
                "EmissionFactor", "EmissionRecord", "CsvImport", "CsvImportError",
            ])
        #expect(Set(model.entities.keys) == names)
        #expect(model.entities.values.allSatisfy { $0.source == "default" })
    }

    @Test("entities come after the entities their foreign keys refer to")
    func dependencyOrder() {
        let order = model.storage.entities.map(\.name)
        for entity in model.storage.entities {
            for column in entity.columns {
                guard let target = column.references?.entity, target != entity.name else { continue }
                let targetIndex = try! #require(order.firstIndex(of: target))
                #expect(targetIndex < order.firstIndex(of: entity.name)!, "\(entity.name) before \(target)")
            }
        }
    }

    @Test("columns take the snake_case of field names, @column overrides, types map to column types")
    func userAndRecordColumns() throws {
        let user = try #require(model.storage[entity: "User"])
        #expect(user.table == "users")
        #expect(
            user.columns.map(\.name)
                == ["id", "email", "name", "role", "status", "email_verified", "created_at", "updated_at", "version"])
        #expect(user.primaryKeyColumn.type == .uuid)
        #expect(user.columns[1].isUnique)
        #expect(user.columns[3].type == .enumeration(["ADMIN", "MEMBER", "GUEST"]))
        #expect(user.columns[5].type == .bool)
        #expect(user.columns[6].type == .timestamp)
        #expect(user.versionColumn == 8)
        #expect(user.softDeleteColumn == nil)

        let record = try #require(model.storage[entity: "EmissionRecord"])
        let kg = try #require(record.columnIndex("kg_co2e"))
        #expect(record.columns[kg].field == "kgCO2e")
        #expect(record.columns[kg].type == .double)
        #expect(record.columns[try #require(record.columnIndex("activity_date"))].type == .date)

        let task = try #require(model.storage[entity: "Task"])
        #expect(task.columns[try #require(task.columnIndex("tags"))].type == .stringList)
        #expect(task.columns[try #require(task.columnIndex("created_by_id"))].field == "createdById")
        let profile = try #require(model.storage[entity: "Profile"])
        #expect(profile.columns[try #require(profile.columnIndex("preferences"))].type == .json)
    }

    @Test("@belongsTo keys become foreign keys with RESTRICT or SET_NULL by nullability")
    func foreignKeys() throws {
        let task = try #require(model.storage[entity: "Task"])
        let project = task.columns[try #require(task.columnIndex("project_id"))]
        #expect(
            project.references == ForeignKey(entity: "Project", table: "projects", column: "id", onDelete: .restrict))
        let assignee = task.columns[try #require(task.columnIndex("assignee_id"))]
        #expect(assignee.isNullable)
        #expect(assignee.references == ForeignKey(entity: "User", table: "users", column: "id", onDelete: .setNull))
        let log = try #require(model.storage[entity: "ActivityLog"])
        #expect(log.columns[try #require(log.columnIndex("actor_id"))].references?.entity == "User")
    }

    @Test("@index fields and foreign keys are indexed; unique columns are not indexed twice")
    func indexes() throws {
        let task = try #require(model.storage[entity: "Task"])
        #expect(Set(task.indexes) == [["project_id"], ["assignee_id"], ["created_by_id"]])
        let profile = try #require(model.storage[entity: "Profile"])
        #expect(profile.indexes.isEmpty)  // user_id is @unique
        let record = try #require(model.storage[entity: "EmissionRecord"])
        #expect(Set(record.indexes) == [["laboratory_id"], ["factor_id"], ["activity_date"], ["import_id"]])
    }

    @Test("soft delete and version columns are recorded on the entity")
    func softDeleteAndVersion() throws {
        let project = try #require(model.storage[entity: "Project"])
        let deletedAt = try #require(project.softDeleteColumn)
        #expect(project.columns[deletedAt].name == "deleted_at")
        #expect(project.columns[try #require(project.versionColumn)].name == "version")
        #expect(Fixtures.entity("Project").visibilityFilter == .isNull("deleted_at"))
        #expect(Fixtures.entity("Task").visibilityFilter == nil)
    }

    @Test("relations bind local and remote columns, with connection twins for @hasMany")
    func relations() throws {
        let user = Fixtures.entity("User")
        #expect(
            user.relations["ownedProjects"]
                == RelationBinding(kind: .hasMany, target: "Project", localColumn: "id", remoteColumn: "owner_id"))
        #expect(
            user.relations["ownedProjectsConnection"]
                == RelationBinding(
                    kind: .hasMany, target: "Project", localColumn: "id", remoteColumn: "owner_id", isConnection: true))
        #expect(
            user.relations["profile"]
                == RelationBinding(kind: .hasOne, target: "Profile", localColumn: "id", remoteColumn: "user_id"))
        #expect(
            Fixtures.entity("Task").relations["assignee"]
                == RelationBinding(kind: .belongsTo, target: "User", localColumn: "assignee_id", remoteColumn: "id"))
        #expect(user.fieldColumns["ownedProjects"] == nil)
        #expect(user.fieldColumns["emailVerified"] == 5)
    }

    @Test("@derived products, server-set columns and @readonly are bound")
    func derivedAndServerColumns() throws {
        let record = Fixtures.entity("EmissionRecord")
        let derived = try #require(record.derivedFields.first)
        #expect(derived.field == "kgCO2e")
        #expect(derived.factors == [.field("quantity"), .related(relation: "factor", field: "value")])
        #expect(record.entity.columns[derived.column].name == "kg_co2e")
        #expect(record.createdAtColumn.map { record.entity.columns[$0].name } == "created_at")
        #expect(record.updatedAtColumn.map { record.entity.columns[$0].name } == "updated_at")
        #expect(Fixtures.entity("ActivityLog").isReadonly)
        #expect(!record.isReadonly)
    }

    @Test("root query and mutation bindings cover every entity; readonly types get no mutations")
    func rootBindings() {
        #expect(model.queryFields["task"] == .lookup(entity: "Task"))
        #expect(model.queryFields["tasks"] == .list(entity: "Task"))
        #expect(model.queryFields["laboratoriesConnection"] == .connection(entity: "Laboratory"))
        #expect(model.queryFields["activityLogs"] == .list(entity: "ActivityLog"))
        #expect(model.queryFields.count == 12 * 3)
        #expect(model.mutationFields["createEmissionRecord"] == .create(entity: "EmissionRecord"))
        #expect(model.mutationFields["deleteProject"] == .delete(entity: "Project"))
        #expect(model.mutationFields["createActivityLog"] == nil)
        #expect(model.mutationFields.count == 11 * 3)
    }

    @Test("a source can be named per type with @source, and defaultSource applies to the rest")
    func sources() throws {
        let sdl = """
            type A @table(name: "as") @source(name: "archive") { id: ID! @key }
            type B @table { id: ID! @key, n: Int }
            type Query
            """
        let model = try DataModelBuilder.build(sdl: sdl, defaultSource: "main")
        #expect(model.entities["A"]?.source == "archive")
        #expect(model.entities["B"]?.source == "main")
        #expect(model.entities["B"]?.entity.table == "bs")
    }

    @Test("column names default to snake_case, splitting acronyms and digits sensibly")
    func snakeCase() throws {
        let model = try DataModelBuilder.build(
            sdl: """
                type Thing @table {
                  id: ID! @key
                  kgCO2e: Float
                  htmlURL: String
                  ipAddress: String
                  address2Line: String
                  HTMLParser: String
                }
                type Query
                """)
        let columns = try #require(model.storage[entity: "Thing"]).columns.map(\.name)
        #expect(columns == ["id", "kg_co2e", "html_url", "ip_address", "address2_line", "html_parser"])
        #expect(model.storage[entity: "Thing"]?.table == "things")
        #expect(model.sources == ["default"])
        #expect(model.storageModel(forSource: "default") == model.storage)
        #expect(model.auditLogEntity == nil)
        #expect(Fixtures.model.auditLogEntity?.typeName == "ActivityLog")
    }

    @Test("a cycle of foreign keys is broken at the entity whose reference is nullable")
    func cycle() throws {
        let model = try DataModelBuilder.build(
            sdl: """
                type B @table { id: ID! @key, aId: ID!, a: A! @belongsTo(field: "aId") }
                type A @table { id: ID! @key, bId: ID, b: B @belongsTo(field: "bId") }
                type Query
                """)
        #expect(model.storage.entities.map(\.name) == ["A", "B"])
    }

    @Test("relations across sources keep their binding but get no storage foreign key")
    func crossSourceRelation() throws {
        let model = try DataModelBuilder.build(
            sdl: """
                type U @table { id: ID! @key, notes: [N!]! @hasMany(foreignKey: "uId") }
                type N @table @source(name: "archive") { id: ID! @key, uId: ID!, u: U! @belongsTo(field: "uId") }
                type Query
                """)
        let note = try #require(model.entities["N"])
        #expect(note.relations["u"]?.target == "U")
        #expect(note.entity.columns[1].references == nil)
        #expect(model.sources == ["archive", "default"])
        #expect(model.storageModel(forSource: "archive").entities.map(\.name) == ["N"])
        #expect(model.entities["U"]?.relations["notesConnection"]?.isConnection == true)
    }
}
