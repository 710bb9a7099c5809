import StrataStorage

/// The objects of a direct read as they are written, before the response is put together: flat objects whole,
/// separated by commas; objects around a relation as their leading and trailing fields (`ends` says where each part
/// ends) with the relation's key kept (`RelationKeys`), for `DirectRead` to look the related rows up and put each
/// object together, each related object written once.
///
/// Rows come from `Row`s, or — from an adapter that streams them (`RowStreamingAdapter`) — while the statement
/// runs, each row's JSON written from the database's own bytes: no `Row`, no `String` for its ASCII text and
/// nothing to free afterwards.
///
/// `@unchecked Sendable`: the tree's buffers are used by one thread at a time — the adapter's while its statement
/// runs, then the caller's, to which the adapter returns the writer.
struct StreamedRows: StoredRowWriter, @unchecked Sendable {
    /// What every row is written with, worked out once with the direct read's plan (`DirectRead.rowPlan`): a
    /// request's writer takes one reference instead of unpacking the shape and retaining each layout.
    final class Plan: Sendable {
        let typeName: String
        let flat: FlatObjectLayout?
        let leading: FlatObjectLayout?
        let trailing: FlatObjectLayout?
        /// The entity column holding the relation's key.
        let localColumn: Int

        init(typeName: String, shape: DirectRead.Shape) {
            self.typeName = typeName
            switch shape {
            case .flat(let layout):
                flat = layout
                leading = nil
                trailing = nil
                localColumn = 0
            case .relation(let relation):
                flat = nil
                leading = relation.leading
                trailing = relation.trailing
                localColumn = relation.resolver.localColumn
            }
        }
    }

    var tree: ResultTree
    let plan: Plan
    /// For a relation, two per row: where its leading fields end, then where its trailing fields end.
    var ends: [Int32] = []
    var keys = RelationKeys()
    private(set) var count = 0

    init(tree: ResultTree, plan: Plan) {
        self.tree = tree
        self.plan = plan
    }

    mutating func write(_ row: any StoredRowCursor) -> Bool {
        let plan = self.plan
        return add { tree, layout, afterOthers in
            tree.appendFlatFields(of: row, typeName: plan.typeName, layout: layout, afterOthers: afterOthers)
        } key: {
            plan.localColumn < row.width ? row.value(at: plan.localColumn) : nil
        }
    }

    /// Takes a row read the usual way.
    mutating func write(row: Row) -> Bool {
        let plan = self.plan
        return add { tree, layout, afterOthers in
            tree.appendFlatFields(row: row, typeName: plan.typeName, layout: layout, afterOthers: afterOthers)
        } key: {
            plan.localColumn < row.values.count ? row[plan.localColumn] : nil
        }
    }

    /// Writes one object: `fields` writes a run of its fields (with a comma first when told), `key` reads the
    /// relation's key (nil: the row has no such column).
    @inline(__always)
    private mutating func add(
        fields: (inout ResultTree, FlatObjectLayout, Bool) -> Bool, key: () -> StorageValue?
    ) -> Bool {
        if let flat = plan.flat {
            // A refused row ends the writer (its bytes are thrown away), so nothing written is taken back.
            if count > 0 { tree.leafBytes.append(UInt8(ascii: ",")) }
            tree.leafBytes.append(UInt8(ascii: "{"))
            guard fields(&tree, flat, false) else { return false }
            tree.leafBytes.append(UInt8(ascii: "}"))
        } else {
            if let leading = plan.leading {
                guard fields(&tree, leading, false) else { return false }
            }
            ends.append(Int32(tree.leafBytes.count))
            if let trailing = plan.trailing {
                guard fields(&tree, trailing, true) else { return false }
            }
            ends.append(Int32(tree.leafBytes.count))
            guard let key = key() else { return false }
            keys.add(key)
        }
        count += 1
        return true
    }
}

/// The keys of a relation read from a list of objects, as the loaders would batch them: each object's slot in
/// `keys` (-1 for a null key), the distinct keys in the order they first appear.
struct RelationKeys {
    var slots: [Int32] = []
    var keys: [StorageValue] = []
    var index: [ByteWiseKey: Int32] = [:]
    private var previous = (key: StorageValue.null, slot: Int32(-1))

    mutating func add(_ key: StorageValue) {
        if key.isNull {
            slots.append(-1)
            return
        }
        // Objects of one parent often come together: the previous key is found without hashing.
        if ByteWiseKey.equal(key, previous.key) {
            slots.append(previous.slot)
            return
        }
        let next = Int32(keys.count)
        let slot = index[ByteWiseKey(key), default: next]
        if slot == next {
            index[ByteWiseKey(key)] = next
            keys.append(key)
        }
        previous = (key, slot)
        slots.append(slot)
    }
}
