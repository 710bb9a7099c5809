import StrataLanguage
import StrataModel
import StrataSchema
import Testing

@Suite struct DerivedAPITests {
    let schema = Fixtures.model.schema

    func inputType(_ name: String) throws -> InputObjectType {
        guard case .inputObject(let type)? = schema.types[name] else {
            Issue.record("no input type \(name)")
            throw CancellationError()
        }
        return type
    }

    func objectType(_ name: String) throws -> ObjectType {
        guard case .object(let type)? = schema.types[name] else {
            Issue.record("no object type \(name)")
            throw CancellationError()
        }
        return type
    }

    func enumType(_ name: String) throws -> EnumType {
        guard case .enumType(let type)? = schema.types[name] else {
            Issue.record("no enum type \(name)")
            throw CancellationError()
        }
        return type
    }

    @Test("Strata's directives are declared with descriptions")
    func directives() throws {
        for name in [
            "table", "key", "column", "unique", "index", "belongsTo", "hasMany", "hasOne", "createdAt",
            "updatedAt", "version", "softDelete", "readonly", "derived", "auditLog", "source",
        ] {
            let directive = try #require(schema.directives[name], "@\(name)")
            #expect(directive.description?.isEmpty == false)
        }
        #expect(schema.directives["belongsTo"]?.argument("onDelete")?.type == .named("ReferentialAction"))
        #expect(schema.directives["derived"]?.argument("product")?.type == .nonNull(.list(.nonNull(.named("String")))))
        #expect(try enumType("ReferentialAction").values.map(\.name) == ["RESTRICT", "CASCADE", "SET_NULL"])
    }

    @Test("shared types exist once with their fields")
    func sharedTypes() throws {
        #expect(try enumType("OrderDirection").values.map(\.name) == ["ASC", "DESC"])
        let pageInfo = try objectType("PageInfo")
        #expect(pageInfo.fields.map(\.name) == ["hasNextPage", "hasPreviousPage", "startCursor", "endCursor"])
        #expect(pageInfo.field("hasNextPage")?.type == .nonNull(.named("Boolean")))
        #expect(
            try inputType("StringFilter").fields.map(\.name)
                == [
                    "eq", "neq", "in", "notIn", "lt", "lte", "gt", "gte", "contains", "startsWith", "endsWith",
                    "isNull",
                ])
        #expect(try inputType("IDFilter").fields.map(\.name) == ["eq", "neq", "in", "notIn", "isNull"])
        #expect(try inputType("IDFilter").field("in")?.type == .list(.nonNull(.named("ID"))))
        #expect(try inputType("DateTimeFilter").field("gte")?.type == .named("DateTime"))
        #expect(try inputType("BooleanFilter").fields.map(\.name) == ["eq", "neq", "isNull"])
        #expect(try inputType("StringListFilter").field("has")?.type == .named("String"))
        #expect(try inputType("JSONFilter").fields.map(\.name) == ["isNull"])
        #expect(try inputType("TaskStatusFilter").field("in")?.type == .list(.nonNull(.named("TaskStatus"))))
        #expect(schema.types["AuditActionFilter"] != nil)
        #expect(schema.types["ReferentialActionFilter"] == nil)
    }

    @Test("TWhere has AND/OR/NOT and a filter per stored field, with descriptions")
    func whereInput() throws {
        let taskWhere = try inputType("TaskWhere")
        #expect(Array(taskWhere.fields.prefix(3).map(\.name)) == ["AND", "OR", "NOT"])
        #expect(taskWhere.field("AND")?.type == .list(.nonNull(.named("TaskWhere"))))
        #expect(taskWhere.field("NOT")?.type == .named("TaskWhere"))
        #expect(taskWhere.field("title")?.type == .named("StringFilter"))
        #expect(taskWhere.field("status")?.type == .named("TaskStatusFilter"))
        #expect(taskWhere.field("tags")?.type == .named("StringListFilter"))
        #expect(taskWhere.field("projectId")?.type == .named("IDFilter"))
        #expect(taskWhere.field("estimateHours")?.type == .named("FloatFilter"))
        #expect(taskWhere.field("project") == nil)
        #expect(taskWhere.description?.isEmpty == false)
        #expect(taskWhere.fields.allSatisfy { $0.description?.isEmpty == false })
    }

    @Test("order fields are the screaming snake case of sortable fields (no JSON, no lists)")
    func orderInputs() throws {
        let fields = try enumType("TaskOrderField").values.map(\.name)
        #expect(fields.contains("DUE_DATE"))
        #expect(fields.contains("CREATED_BY_ID"))
        #expect(!fields.contains("TAGS"))
        #expect(try enumType("EmissionRecordOrderField").values.map(\.name).contains("KG_CO2E"))
        #expect(!(try enumType("ProfileOrderField").values.map(\.name).contains("PREFERENCES")))
        let orderBy = try inputType("TaskOrderBy")
        #expect(orderBy.field("field")?.type == .nonNull(.named("TaskOrderField")))
        #expect(orderBy.field("direction")?.type == .named("OrderDirection"))
        #expect(orderBy.field("direction")?.defaultValue == .enumValue(Name("ASC")))
    }

    @Test("connection and edge types per entity")
    func connections() throws {
        let connection = try objectType("TaskConnection")
        #expect(connection.fields.map(\.name) == ["edges", "nodes", "pageInfo", "totalCount"])
        #expect(connection.field("edges")?.type == .nonNull(.list(.nonNull(.named("TaskEdge")))))
        #expect(connection.field("totalCount")?.type == .nonNull(.named("Int")))
        let edge = try objectType("TaskEdge")
        #expect(edge.field("cursor")?.type == .nonNull(.named("String")))
        #expect(edge.field("node")?.type == .nonNull(.named("Task")))
    }

    @Test("query root fields: lookup, list and connection with list arguments, after the declared ones")
    func queryRoot() throws {
        let query = schema.queryType
        let lookup = try #require(query.field("task"))
        #expect(lookup.type == .named("Task"))
        #expect(lookup.arguments.map(\.name) == ["id"])
        #expect(lookup.argument("id")?.type == .nonNull(.named("ID")))
        let list = try #require(query.field("tasks"))
        #expect(list.type == .nonNull(.list(.nonNull(.named("Task")))))
        #expect(list.arguments.map(\.name) == ["where", "orderBy", "first", "after"])
        #expect(list.argument("orderBy")?.type == .list(.nonNull(.named("TaskOrderBy"))))
        #expect(list.argument("first")?.description?.contains("100") == true)
        let connection = try #require(query.field("laboratoriesConnection"))
        #expect(connection.type == .nonNull(.named("LaboratoryConnection")))
        #expect(query.fields.allSatisfy { $0.description?.isEmpty == false })
    }

    @Test("@hasMany fields get list arguments and a Connection twin")
    func hasManyFields() throws {
        let user = try objectType("User")
        let owned = try #require(user.field("ownedProjects"))
        #expect(owned.arguments.map(\.name) == ["where", "orderBy", "first", "after"])
        #expect(owned.argument("where")?.type == .named("ProjectWhere"))
        #expect(owned.description == "Projects this user owns.")
        let twin = try #require(user.field("ownedProjectsConnection"))
        #expect(twin.type == .nonNull(.named("ProjectConnection")))
        #expect(twin.arguments.map(\.name) == ["where", "orderBy", "first", "after"])
        #expect(user.fieldPosition("ownedProjectsConnection") == user.fieldPosition("ownedProjects")! + 1)
        #expect(user.field("profile")?.arguments.isEmpty == true)
    }

    @Test("create and update inputs hold the writable fields with the right nullability")
    func mutationInputs() throws {
        let create = try inputType("CreateTaskInput")
        let names = create.fields.map(\.name)
        #expect(names.contains("title") && names.contains("projectId") && names.contains("tags"))
        for serverSet in ["createdAt", "updatedAt", "version", "project", "assignee"] {
            #expect(!names.contains(serverSet), "\(serverSet)")
        }
        #expect(create.field("id")?.type == .named("ID"))
        #expect(create.field("title")?.type == .nonNull(.named("String")))
        #expect(create.field("description")?.type == .named("String"))
        #expect(create.field("tags")?.type == .nonNull(.list(.nonNull(.named("String")))))
        let update = try inputType("UpdateTaskInput")
        #expect(update.field("title")?.type == .named("String"))
        #expect(update.field("tags")?.type == .list(.nonNull(.named("String"))))
        #expect(update.field("id") == nil)
        let record = try inputType("CreateEmissionRecordInput")
        #expect(record.field("kgCO2e") == nil)
        #expect(try inputType("CreateProjectInput").field("deletedAt") == nil)
        #expect(schema.types["CreateActivityLogInput"] == nil)
    }

    @Test("mutation root: create, update, delete; expectedVersion only with @version")
    func mutationRoot() throws {
        let mutation = try #require(schema.mutationType)
        let create = try #require(mutation.field("createTask"))
        #expect(create.type == .nonNull(.named("Task")))
        #expect(create.argument("input")?.type == .nonNull(.named("CreateTaskInput")))
        let update = try #require(mutation.field("updateTask"))
        #expect(update.arguments.map(\.name) == ["id", "input", "expectedVersion"])
        #expect(update.type == .nonNull(.named("Task")))
        let delete = try #require(mutation.field("deleteTask"))
        #expect(delete.type == .named("Task"))
        #expect(delete.arguments.map(\.name) == ["id", "expectedVersion"])
        #expect(mutation.field("updateProfile")?.arguments.map(\.name) == ["id", "input"])
        #expect(mutation.field("deleteActivityLog") == nil)
    }

    @Test("a schema without a mutation root gets one when types are writable")
    func mutationRootCreated() throws {
        let model = try DataModelBuilder.build(
            sdl: """
                schema { query: Q }
                type Q { hello: String }
                type Note @table { id: ID! @key, text: String! }
                """)
        #expect(model.schema.queryType.field("hello") != nil)
        #expect(model.schema.queryType.field("notes") != nil)
        #expect(model.schema.queryType.fields.first?.name == "hello")
        #expect(model.schema.mutationType?.field("createNote") != nil)
        #expect(model.mutationFields["deleteNote"] == .delete(entity: "Note"))
    }

    @Test("every generated type, field, argument and enum value has a description")
    func descriptions() throws {
        var generated: Set<String> = [
            "OrderDirection", "PageInfo", "IDFilter", "StringFilter", "IntFilter", "FloatFilter", "DateTimeFilter",
            "DateFilter", "BooleanFilter", "StringListFilter", "JSONFilter", "ReferentialAction",
        ]
        for binding in Fixtures.model.entities.values {
            let n = binding.names
            generated.formUnion([n.whereInput, n.orderByInput, n.orderFieldEnum, n.connectionType, n.edgeType])
            if !binding.isReadonly { generated.formUnion([n.createInput, n.updateInput]) }
        }
        for name in generated.sorted() {
            let type = try #require(schema.types[name], "\(name)")
            #expect(type.description?.isEmpty == false, "\(name)")
            switch type {
            case .object(let object):
                for field in object.fields {
                    #expect(field.description?.isEmpty == false, "\(name).\(field.name)")
                }
            case .inputObject(let input):
                for field in input.fields {
                    #expect(field.description?.isEmpty == false, "\(name).\(field.name)")
                }
            case .enumType(let enumeration):
                for value in enumeration.values {
                    #expect(value.description?.isEmpty == false, "\(name).\(value.name)")
                }
            default: break
            }
        }
        for field in try #require(schema.mutationType).fields {
            #expect(field.description?.isEmpty == false, "Mutation.\(field.name)")
            #expect(field.arguments.allSatisfy { $0.description?.isEmpty == false }, "Mutation.\(field.name)")
        }
        for field in try objectType("User").fields where field.name.hasSuffix("Connection") {
            #expect(field.description?.isEmpty == false)
            #expect(field.arguments.allSatisfy { $0.description?.isEmpty == false })
        }
    }
}
