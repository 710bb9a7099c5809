/// The write side with every constraint the contract names. Each call is atomic: it either applies completely or
/// throws with the database unchanged. (Never hold a local copy of a table while mutating `tables[…]`: that would
/// defeat copy-on-write and copy the whole table.)
extension MemoryDatabase {
    mutating func insert(_ entityName: String, values: [String: StorageValue]) throws(StorageError) -> Row {
        let entity = try schema.entityIndex(entityName)
        var full = [StorageValue](repeating: .null, count: schema.entities[entity].columns.count)
        for (name, value) in values { full[try schema.columnIndex(name, in: entity)] = value }
        let row = try prepareNewRow(full, entity: entity)
        try checkUnique(row, entity: entity, replacing: nil)
        try checkOutgoingReferences(row, entity: entity, previous: nil)
        _ = tables[entity].append(row)
        return row
    }

    mutating func insertMany(_ entityName: String, rows: [Row]) throws(StorageError) {
        let entity = try schema.entityIndex(entityName)
        let width = schema.entities[entity].columns.count
        var appended: [Int] = []
        appended.reserveCapacity(rows.count)
        do throws(StorageError) {
            for row in rows {
                guard row.values.count == width else {
                    throw StorageError(
                        .invalidRequest, "Row has the wrong number of values.",
                        detail: "\(entityName) expects \(width), got \(row.values.count)")
                }
                let prepared = try prepareNewRow(row.values, entity: entity)
                try checkUnique(prepared, entity: entity, replacing: nil)
                try checkOutgoingReferences(prepared, entity: entity, previous: nil)
                appended.append(tables[entity].append(prepared))
            }
        } catch {
            for slot in appended.reversed() { tables[entity].remove(at: slot) }
            tables[entity].compactIfNeeded()
            throw error
        }
    }

    mutating func update(
        _ entityName: String, key: StorageValue, values: [String: StorageValue], expectedVersion: Int64?,
        filter: Predicate?
    ) throws(StorageError) -> Row? {
        let entity = try schema.entityIndex(entityName)
        let descriptor = schema.entities[entity]
        let predicate = try filter.map { p throws(StorageError) in try MemoryPredicate(p, entity: descriptor) }
        try validateKeys([key], column: descriptor.primaryKey, entity: entity)
        var changes: [(Int, StorageValue)] = []
        for (name, value) in values { changes.append((try schema.columnIndex(name, in: entity), value)) }
        if expectedVersion != nil && descriptor.versionColumn == nil {
            throw StorageError(.invalidRequest, "This entity has no version column.", detail: entityName)
        }
        guard let slot = tables[entity].slot(unique: descriptor.primaryKey, key: key),
            let old = tables[entity].row(at: slot), predicate?.matches(old) ?? true
        else { return nil }

        var new = old.values
        for (column, value) in changes { new[column] = value }
        if let versionColumn = descriptor.versionColumn {
            let stored: Int64
            if case .int(let v) = old.values[versionColumn] { stored = v } else { stored = 0 }
            if let expectedVersion, expectedVersion != stored {
                throw StorageError(
                    .conflict, "The row was changed by someone else.",
                    detail: "\(entityName) version is \(stored), expected \(expectedVersion)",
                    column: descriptor.columns[versionColumn].name)
            }
            new[versionColumn] = .int(stored &+ 1)
        }
        let row = Row(new)
        try validateColumns(row, entity: entity)
        try checkUnique(row, entity: entity, replacing: slot)
        try checkOutgoingReferences(row, entity: entity, previous: old)
        try checkReferencedValuesKept(old: old, new: row, entity: entity, slot: slot)
        tables[entity].replace(at: slot, with: row)
        return row
    }

    mutating func delete(_ entityName: String, key: StorageValue, filter: Predicate?) throws(StorageError) -> Row? {
        let entity = try schema.entityIndex(entityName)
        let descriptor = schema.entities[entity]
        let predicate = try filter.map { p throws(StorageError) in try MemoryPredicate(p, entity: descriptor) }
        try validateKeys([key], column: descriptor.primaryKey, entity: entity)
        guard let slot = tables[entity].slot(unique: descriptor.primaryKey, key: key),
            let old = tables[entity].row(at: slot), predicate?.matches(old) ?? true
        else { return nil }

        var plan = DeletionPlan()
        try planDeletion(entity: entity, slot: slot, into: &plan)
        for nulling in plan.nullings where !plan.deletions.contains(RowAddress(entity: nulling.entity, slot: nulling.slot)) {
            guard var values = tables[nulling.entity].row(at: nulling.slot)?.values else { continue }
            values[nulling.column] = .null
            tables[nulling.entity].replace(at: nulling.slot, with: Row(values))
        }
        for address in plan.order { tables[address.entity].remove(at: address.slot) }
        return old
    }

    // MARK: - Deletion planning

    private struct RowAddress: Hashable {
        var entity: Int
        var slot: Int
    }

    private struct DeletionPlan {
        var deletions: Set<RowAddress> = []
        var order: [RowAddress] = []
        var nullings: [(entity: Int, slot: Int, column: Int)] = []
    }

    /// Collects every row an `ON DELETE` chain removes or nulls, failing before anything changes.
    private func planDeletion(entity: Int, slot: Int, into plan: inout DeletionPlan) throws(StorageError) {
        let address = RowAddress(entity: entity, slot: slot)
        guard plan.deletions.insert(address).inserted, let row = tables[entity].row(at: slot) else { return }
        plan.order.append(address)
        for reference in schema.incoming[entity] {
            let value = row.values[reference.parentColumn]
            if value.isNull { continue }
            let children = tables[reference.childEntity].slots(where: reference.childColumn, equals: value)
                .filter { !(reference.childEntity == entity && $0 == slot) }
            if children.isEmpty { continue }
            let child = schema.entities[reference.childEntity]
            let childColumn = child.columns[reference.childColumn]
            switch reference.onDelete {
            case .restrict:
                throw StorageError(
                    .foreignKeyViolation, "The row is still referenced by \(child.name).\(childColumn.field).",
                    detail: "\(schema.entities[entity].name) referenced by \(child.table).\(childColumn.name)",
                    column: childColumn.name)
            case .cascade:
                for childSlot in children { try planDeletion(entity: reference.childEntity, slot: childSlot, into: &plan) }
            case .setNull:
                guard childColumn.isNullable else {
                    throw StorageError(
                        .notNullViolation, "\(child.name).\(childColumn.field) cannot be set to null.",
                        column: childColumn.name)
                }
                for childSlot in children {
                    plan.nullings.append((reference.childEntity, childSlot, reference.childColumn))
                }
            }
        }
    }

    // MARK: - Constraint checks

    /// Defaults the version column to 1, then validates types, nullability and enumerations.
    private func prepareNewRow(_ values: [StorageValue], entity: Int) throws(StorageError) -> Row {
        var values = values
        if let versionColumn = schema.entities[entity].versionColumn, values[versionColumn].isNull {
            values[versionColumn] = .int(1)
        }
        let row = Row(values)
        try validateColumns(row, entity: entity)
        return row
    }

    private func validateColumns(_ row: Row, entity: Int) throws(StorageError) {
        let descriptor = schema.entities[entity]
        for (position, column) in descriptor.columns.enumerated() {
            let value = row.values[position]
            if value.isNull {
                if !column.isNullable || position == descriptor.primaryKey {
                    throw StorageError(
                        .notNullViolation, "\(descriptor.name).\(column.field) must not be null.", column: column.name)
                }
            } else {
                try column.validateStored(value, entity: descriptor.name)
            }
        }
    }

    /// Primary key and unique columns: no other live row may hold the same non-NULL value.
    private func checkUnique(_ row: Row, entity: Int, replacing slot: Int?) throws(StorageError) {
        let descriptor = schema.entities[entity]
        for position in descriptor.columns.indices where tables[entity].hasUniqueIndex(position) {
            let value = row.values[position]
            if value.isNull { continue }
            if let existing = tables[entity].slot(unique: position, key: value), existing != slot {
                let column = descriptor.columns[position]
                throw StorageError(
                    .uniqueViolation, "Another \(descriptor.name) already has this \(column.field).",
                    detail: "\(descriptor.table).\(column.name)", column: column.name)
            }
        }
    }

    /// Every non-NULL foreign key must name an existing row (unchanged keys of an update are not rechecked).
    private func checkOutgoingReferences(_ row: Row, entity: Int, previous: Row?) throws(StorageError) {
        for reference in schema.outgoing[entity] {
            let value = row.values[reference.childColumn]
            if value.isNull { continue }
            if let previous, StorageValue.memoryEqual(previous.values[reference.childColumn], value) { continue }
            if reference.parentEntity == entity
                && StorageValue.memoryEqual(row.values[reference.parentColumn], value)
            {
                continue
            }
            if !tables[reference.parentEntity].contains(reference.parentColumn, equals: value) {
                let descriptor = schema.entities[entity]
                let column = descriptor.columns[reference.childColumn]
                throw StorageError(
                    .foreignKeyViolation,
                    "\(descriptor.name).\(column.field) refers to a \(schema.entities[reference.parentEntity].name) that does not exist.",
                    detail: "\(descriptor.table).\(column.name) = \(value)", column: column.name)
            }
        }
    }

    /// An update may not change a value other rows still refer to (ON UPDATE RESTRICT).
    private func checkReferencedValuesKept(old: Row, new: Row, entity: Int, slot: Int) throws(StorageError) {
        for reference in schema.incoming[entity] {
            let before = old.values[reference.parentColumn]
            if before.isNull || StorageValue.memoryEqual(before, new.values[reference.parentColumn]) { continue }
            let children = tables[reference.childEntity].slots(where: reference.childColumn, equals: before)
            if children.contains(where: { !(reference.childEntity == entity && $0 == slot) }) {
                let child = schema.entities[reference.childEntity]
                throw StorageError(
                    .foreignKeyViolation,
                    "The \(schema.entities[entity].name) is still referenced by \(child.name).\(child.columns[reference.childColumn].field).",
                    column: schema.entities[entity].columns[reference.parentColumn].name)
            }
        }
    }
}
