internal import StrataLanguage
internal import StrataStorage

/// Reads the storage directives of every `@table` type of a document, checks them and builds the tables'
/// columns, keys, indexes, relations and derived fields. Problems are collected (with spans), not thrown one
/// at a time, so a schema author sees all of them at once.
struct TableBinder {
    private(set) var errors: [GraphQLError] = []
    private(set) var tables: [String: TableModel] = [:]
    /// `@table` type names in definition order.
    private(set) var tableOrder: [String] = []
    private(set) var auditLogType: String?

    private let enums: [String: [String]]
    private let objectNames: Set<String>
    private let defaultSource: String

    init(document: Document, defaultSource: String) {
        var enums: [String: [String]] = [:]
        var objectNames: Set<String> = []
        var objects: [ObjectTypeDefinition] = []
        for definition in document.definitions {
            guard case .type(let type) = definition else { continue }
            switch type {
            case .enumType(let e): enums[e.name.value] = e.values.map(\.name.value)
            case .object(let o):
                objectNames.insert(o.name.value)
                objects.append(o)
            case .interface(let i): objectNames.insert(i.name.value)
            case .union(let u): objectNames.insert(u.name.value)
            default: break
            }
        }
        self.enums = enums
        self.objectNames = objectNames
        self.defaultSource = defaultSource

        for object in objects where object.directives.has("table") {
            bindColumns(of: object)
        }
        for definition in document.definitions {
            guard case .typeExtension(.object(let extensionDefinition)) = definition,
                tables[extensionDefinition.name.value] != nil
            else { continue }
            fail(
                "The @table type \(extensionDefinition.name.value) cannot be extended; declare its fields in the type.",
                at: extensionDefinition.name.span)
        }
        for name in tableOrder { bindRelations(of: name) }
        for name in tableOrder { bindDerivedFields(of: name) }
        checkAuditLog()
    }

    private mutating func fail(_ message: String, at span: SourceSpan) {
        errors.append(GraphQLError(message, code: .validationFailed, spans: [span]))
    }

    // MARK: Columns

    private mutating func bindColumns(of object: ObjectTypeDefinition) {
        let typeName = object.name.value
        guard tables[typeName] == nil else {
            fail("Type \(typeName) is defined more than once.", at: object.name.span)
            return
        }
        let tableDirective = object.directives.named("table")
        let tableName =
            tableDirective?.stringArgument("name")
            ?? NameCase.snake(GeneratedNames.pluralize(typeName))
        var model = TableModel(
            typeName: typeName, definition: object, table: tableName,
            source: object.directives.named("source")?.stringArgument("name") ?? defaultSource,
            isReadonly: object.directives.has("readonly"), isAuditLog: object.directives.has("auditLog"))

        if model.isAuditLog {
            if let existing = auditLogType {
                fail("Only one type may be @auditLog; \(existing) already is.", at: object.name.span)
            } else {
                auditLogType = typeName
            }
        }

        var columnOwners: [String: String] = [:]
        for field in object.fields {
            let directives = field.directives
            let relationDirectives = directives.filter { ["belongsTo", "hasMany", "hasOne"].contains($0.name.value) }
            if relationDirectives.count > 1 {
                fail("Field \(typeName).\(field.name.value) has more than one relation directive.", at: field.name.span)
                continue
            }
            if !relationDirectives.isEmpty { continue }  // bound in `bindRelations`

            guard let (scalarName, isList) = storedShape(of: field, in: typeName) else { continue }
            guard let columnType = columnType(for: scalarName, isList: isList, field: field, in: typeName) else {
                continue
            }
            let fieldName = field.name.value
            let isNullable = !field.type.isNonNullType
            let columnName = directives.named("column")?.stringArgument("name") ?? NameCase.snake(fieldName)
            if let owner = columnOwners[columnName] {
                fail(
                    "Fields \(typeName).\(owner) and \(typeName).\(fieldName) both map to column \"\(columnName)\".",
                    at: field.name.span)
                continue
            }
            columnOwners[columnName] = fieldName

            let index = model.columns.count
            let isKey = directives.has("key")
            model.columns.append(
                ColumnDescriptor(
                    name: columnName, field: fieldName, type: columnType, isNullable: isNullable,
                    isUnique: directives.has("unique") && !isKey))
            model.fieldColumns[fieldName] = index

            if isKey {
                if model.primaryKey != nil {
                    fail("Type \(typeName) has more than one @key field.", at: field.name.span)
                } else if !(scalarName == "ID" || scalarName == "UUID") || isNullable || isList {
                    fail(
                        "The @key field \(typeName).\(fieldName) must be ID! or UUID!, not \(field.type).",
                        at: field.type.span)
                } else {
                    model.primaryKey = index
                }
            }
            let special = ["createdAt", "updatedAt", "version", "softDelete", "derived", "readonly"]
            let isWritable = !special.contains { directives.has($0) }
            checkSpecialColumn(field, scalarName: scalarName, isList: isList, in: typeName, index: index, model: &model)
            if directives.has("index") { model.addIndex(columnName) }
            let defaultValue = directives.named("default")?.argumentValue("value")
            if let defaultValue, !isWritable || isKey {
                fail(
                    "@default on \(typeName).\(fieldName): only fields clients write (not keys or server-set fields) "
                        + "take a default.", at: defaultValue.span)
            }
            model.storedFields.append(
                TableModel.StoredField(
                    name: fieldName, column: index, typeName: scalarName, isList: isList, type: field.type,
                    isKey: isKey, isWritable: isWritable, defaultValue: isWritable && !isKey ? defaultValue : nil))
        }
        if model.primaryKey == nil, !errors.contains(where: { $0.message.hasPrefix("The @key field \(typeName).") }) {
            fail("Type \(typeName) is a @table but has no @key field (add `id: ID! @key`).", at: object.name.span)
        }
        tables[typeName] = model
        tableOrder.append(typeName)
    }

    /// The named type of a stored field and whether it is a `[String!]` list; nil (after reporting) when the
    /// field cannot be stored.
    private mutating func storedShape(of field: FieldDefinition, in typeName: String) -> (String, Bool)? {
        let named = field.type.namedType.value
        if field.type.isListType {
            guard case .list(let element, _) = field.type.nullableType, element.isNonNullType,
                named == "String"
            else {
                fail(
                    "Field \(typeName).\(field.name.value): the only stored list type is [String!] "
                        + "(relations need @hasMany).", at: field.type.span)
                return nil
            }
            return (named, true)
        }
        if objectNames.contains(named) {
            fail(
                "Field \(typeName).\(field.name.value) of type \(named) needs a relation directive "
                    + "(@belongsTo, @hasOne or @hasMany).", at: field.name.span)
            return nil
        }
        return (named, false)
    }

    private mutating func columnType(
        for scalarName: String, isList: Bool, field: FieldDefinition, in typeName: String
    ) -> ColumnType? {
        if isList { return .stringList }
        switch scalarName {
        case "ID", "UUID": return .uuid
        case "String": return .string
        case "Int": return .int
        case "Float": return .double
        case "Boolean": return .bool
        case "DateTime": return .timestamp
        case "Date": return .date
        case "JSON": return .json
        default:
            if let values = enums[scalarName] { return .enumeration(values) }
            fail(
                "Field \(typeName).\(field.name.value) has type \(scalarName), which Strata cannot store "
                    + "(use ID, UUID, "
                    + "String, Int, Float, Boolean, DateTime, Date, JSON, an enum or [String!]).", at: field.type.span)
            return nil
        }
    }

    private mutating func checkSpecialColumn(
        _ field: FieldDefinition, scalarName: String, isList: Bool, in typeName: String, index: Int,
        model: inout TableModel
    ) {
        let directives = field.directives
        let fieldName = "\(typeName).\(field.name.value)"
        let isNonNull = field.type.isNonNullType
        func once(_ slot: inout Int?, _ directive: String) {
            if slot != nil {
                fail("Type \(typeName) has more than one @\(directive) field.", at: field.name.span)
            } else {
                slot = index
            }
        }
        if directives.has("createdAt") {
            if scalarName != "DateTime" || isList {
                fail("The @createdAt field \(fieldName) must be a DateTime, not \(field.type).", at: field.type.span)
            } else {
                once(&model.createdAtColumn, "createdAt")
            }
        }
        if directives.has("updatedAt") {
            if scalarName != "DateTime" || isList {
                fail("The @updatedAt field \(fieldName) must be a DateTime, not \(field.type).", at: field.type.span)
            } else {
                once(&model.updatedAtColumn, "updatedAt")
            }
        }
        if directives.has("version") {
            if scalarName != "Int" || isList || !isNonNull {
                fail("The @version field \(fieldName) must be Int!, not \(field.type).", at: field.type.span)
            } else {
                once(&model.versionColumn, "version")
            }
        }
        if directives.has("softDelete") {
            if scalarName != "DateTime" || isList || isNonNull {
                fail(
                    "The @softDelete field \(fieldName) must be a nullable DateTime, not \(field.type).",
                    at: field.type.span)
            } else {
                once(&model.softDeleteColumn, "softDelete")
            }
        }
    }

    // MARK: Relations

    private mutating func bindRelations(of typeName: String) {
        guard let definition = tables[typeName]?.definition else { return }
        for field in definition.fields {
            for directive in field.directives {
                switch directive.name.value {
                case "belongsTo": bindBelongsTo(field, directive, in: typeName)
                case "hasMany": bindToMany(field, directive, in: typeName, kind: .hasMany)
                case "hasOne": bindToMany(field, directive, in: typeName, kind: .hasOne)
                default: break
                }
            }
        }
    }

    /// The `@table` type a relation field points to, after checking the field's shape.
    private mutating func relationTarget(
        _ field: FieldDefinition, _ directive: Directive, in typeName: String, wantsList: Bool
    ) -> TableModel? {
        let fieldName = "\(typeName).\(field.name.value)"
        let target = field.type.namedType.value
        if wantsList != field.type.isListType {
            let shape = wantsList ? "a list ([\(target)!]!)" : "a single object, not a list"
            fail("The @\(directive.name.value) field \(fieldName) must be \(shape).", at: field.type.span)
            return nil
        }
        guard let model = tables[target] else {
            fail(
                "The @\(directive.name.value) field \(fieldName) refers to \(target), which is not a @table type.",
                at: field.type.span)
            return nil
        }
        guard model.primaryKey != nil else { return nil }  // reported already
        return model
    }

    private mutating func bindBelongsTo(_ field: FieldDefinition, _ directive: Directive, in typeName: String) {
        let fieldName = "\(typeName).\(field.name.value)"
        guard let keyFieldName = directive.stringArgument("field") else {
            fail("@belongsTo on \(fieldName) needs a `field:` argument.", at: directive.span)
            return
        }
        guard let target = relationTarget(field, directive, in: typeName, wantsList: false),
            var model = tables[typeName], let targetKey = target.primaryKeyColumn
        else { return }
        guard let key = model.storedField(keyFieldName) else {
            fail(
                "@belongsTo(field: \"\(keyFieldName)\") on \(fieldName): \(typeName) has no stored field "
                    + "\"\(keyFieldName)\".", at: directive.span)
            return
        }
        var column = model.columns[key.column]
        guard column.type == targetKey.type else {
            fail(
                "@belongsTo on \(fieldName): the key field \(typeName).\(keyFieldName) is \(key.type) but "
                    + "\(target.typeName).\(targetKey.field) is a \(targetKey.type) key.", at: directive.span)
            return
        }
        if field.type.isNonNullType && column.isNullable {
            fail(
                "\(fieldName) is non-null but its key field \(typeName).\(keyFieldName) is nullable.",
                at: field.type.span)
            return
        }
        let onDelete: ForeignKey.OnDelete
        switch directive.enumArgument("onDelete") {
        case nil: onDelete = column.isNullable ? .setNull : .restrict
        case "RESTRICT": onDelete = .restrict
        case "CASCADE": onDelete = .cascade
        case "SET_NULL":
            guard column.isNullable else {
                fail(
                    "@belongsTo on \(fieldName): onDelete: SET_NULL needs a nullable key field, but "
                        + "\(typeName).\(keyFieldName) is non-null.", at: directive.span)
                return
            }
            onDelete = .setNull
        case let other?:
            fail("@belongsTo on \(fieldName): unknown onDelete action \(other).", at: directive.span)
            return
        }
        if let existing = column.references, existing.entity != target.typeName {
            fail(
                "\(typeName).\(keyFieldName) cannot refer to both \(existing.entity) and \(target.typeName).",
                at: directive.span)
            return
        }
        if target.source == model.source {
            column.references = ForeignKey(
                entity: target.typeName, table: target.table, column: targetKey.name, onDelete: onDelete)
            model.columns[key.column] = column
            model.addIndex(column.name)
        }
        model.relations.append(
            (
                field.name.value,
                RelationBinding(
                    kind: .belongsTo, target: target.typeName, localColumn: column.name, remoteColumn: targetKey.name)
            ))
        tables[typeName] = model
    }

    /// `@hasMany` / `@hasOne`: the other type holds the key.
    private mutating func bindToMany(
        _ field: FieldDefinition, _ directive: Directive, in typeName: String, kind: RelationBinding.Kind
    ) {
        let fieldName = "\(typeName).\(field.name.value)"
        let directiveName = directive.name.value
        guard let foreignKeyName = directive.stringArgument("foreignKey") else {
            fail("@\(directiveName) on \(fieldName) needs a `foreignKey:` argument.", at: directive.span)
            return
        }
        guard var target = relationTarget(field, directive, in: typeName, wantsList: kind == .hasMany),
            let model = tables[typeName], let ownKey = model.primaryKeyColumn
        else { return }
        guard let foreignKey = target.storedField(foreignKeyName) else {
            fail(
                "@\(directiveName)(foreignKey: \"\(foreignKeyName)\") on \(fieldName): \(target.typeName) has no "
                    + "stored field \"\(foreignKeyName)\".", at: directive.span)
            return
        }
        var column = target.columns[foreignKey.column]
        guard column.type == ownKey.type else {
            fail(
                "@\(directiveName) on \(fieldName): the foreign key \(target.typeName).\(foreignKeyName) is "
                    + "\(foreignKey.type) but \(typeName).\(ownKey.field) is a \(ownKey.type) key.", at: directive.span)
            return
        }
        if kind == .hasOne, !column.isUnique {
            fail(
                "@hasOne on \(fieldName): the foreign key \(target.typeName).\(foreignKeyName) must be @unique.",
                at: directive.span)
            return
        }
        if let existing = column.references {
            if existing.entity != typeName {
                fail(
                    "@\(directiveName) on \(fieldName): \(target.typeName).\(foreignKeyName) refers to "
                        + "\(existing.entity), not \(typeName).", at: directive.span)
                return
            }
        } else if target.source == model.source {
            column.references = ForeignKey(
                entity: typeName, table: model.table, column: ownKey.name,
                onDelete: column.isNullable ? .setNull : .restrict)
            target.columns[foreignKey.column] = column
            target.addIndex(column.name)
            tables[target.typeName] = target
        }
        var updated = tables[typeName] ?? model
        updated.relations.append(
            (
                field.name.value,
                RelationBinding(
                    kind: kind, target: target.typeName, localColumn: ownKey.name, remoteColumn: column.name)
            ))
        tables[typeName] = updated
    }

    // MARK: Derived fields

    private mutating func bindDerivedFields(of typeName: String) {
        guard var model = tables[typeName] else { return }
        for field in model.definition.fields {
            guard let directive = field.directives.named("derived"),
                let stored = model.storedField(field.name.value)
            else { continue }
            let fieldName = "\(typeName).\(field.name.value)"
            guard stored.typeName == "Float" || stored.typeName == "Int", !stored.isList else {
                fail("The @derived field \(fieldName) must be an Int or a Float.", at: field.type.span)
                continue
            }
            guard let paths = directive.stringListArgument("product"), !paths.isEmpty else {
                fail("@derived on \(fieldName) needs a non-empty `product:` list.", at: directive.span)
                continue
            }
            var factors: [DerivedFactor] = []
            for path in paths {
                guard let factor = derivedFactor(path, of: model, derivedField: stored.name, at: directive.span)
                else { break }
                factors.append(factor)
            }
            guard factors.count == paths.count else { continue }
            model.derivedFields.append(DerivedField(field: stored.name, column: stored.column, factors: factors))
        }
        tables[typeName] = model
    }

    private mutating func derivedFactor(
        _ path: String, of model: TableModel, derivedField: String, at span: SourceSpan
    ) -> DerivedFactor? {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let prefix = "@derived on \(model.typeName).\(derivedField): "
        func isNumber(_ field: TableModel.StoredField) -> Bool {
            (field.typeName == "Int" || field.typeName == "Float") && !field.isList
        }
        switch parts.count {
        case 1:
            guard let field = model.storedField(parts[0]), field.name != derivedField else {
                fail(prefix + "\"\(path)\" is not a stored field of \(model.typeName).", at: span)
                return nil
            }
            guard isNumber(field) else {
                fail(prefix + "\"\(path)\" is not an Int or Float field.", at: span)
                return nil
            }
            return .field(field.name)
        case 2:
            guard let relation = model.relations.first(where: { $0.field == parts[0] }),
                relation.binding.kind == .belongsTo, let target = tables[relation.binding.target]
            else {
                fail(prefix + "\"\(parts[0])\" is not a @belongsTo relation of \(model.typeName).", at: span)
                return nil
            }
            guard let field = target.storedField(parts[1]), isNumber(field) else {
                fail(prefix + "\"\(parts[1])\" is not an Int or Float field of \(target.typeName).", at: span)
                return nil
            }
            return .related(relation: parts[0], field: parts[1])
        default:
            fail(prefix + "\"\(path)\" must be a field or relation.field.", at: span)
            return nil
        }
    }

    // MARK: Audit log

    private mutating func checkAuditLog() {
        guard let name = auditLogType, let model = tables[name] else {
            if let name = auditLogType, tables[name] == nil {
                fail("The @auditLog type \(name) must also be a @table.", at: .synthesized)
            }
            return
        }
        let required: [(String, [String])] = [
            ("entityType", ["String"]), ("entityId", ["ID", "UUID", "String"]),
            ("action", ["String"] + enumsWithActions),
            ("changes", ["JSON", "String"]),
        ]
        for (fieldName, types) in required {
            guard let field = model.storedField(fieldName), types.contains(field.typeName), !field.isList else {
                fail(
                    "The @auditLog type \(name) needs a stored field \(fieldName) of type "
                        + "\(types.joined(separator: " or ")).",
                    at: model.definition.name.span)
                continue
            }
        }
        if let actor = model.storedField("actorId"), actor.type.isNonNullType {
            fail("The @auditLog field \(name).actorId must be nullable (anonymous writes).", at: actor.type.span)
        }
    }

    private var enumsWithActions: [String] {
        enums.filter { Set($0.value).isSuperset(of: ["CREATE", "UPDATE", "DELETE"]) }.map(\.key).sorted()
    }
}
