import StrataStorage

/// A direct read's list written while the adapter's statement produces it (`RowStreamingAdapter`): each row's JSON
/// goes into the tree's bytes from the database's own, with no `Row`, no `String` for its ASCII text and nothing to
/// free afterwards. Flat objects are written whole, separated by commas; objects around a relation are written as
/// their leading and trailing fields (`ends` says where each part ends) with the relation's key kept
/// (`RelationKeys`), for `DirectRead` to look the related rows up and put each object together.
///
/// `@unchecked Sendable`: the tree's buffers are used by one thread at a time — the adapter's while its statement
/// runs, then the caller's, to which the adapter returns the writer.
struct StreamedRows: StoredRowWriter, @unchecked Sendable {
    var tree: ResultTree
    let typeName: String
    let flat: FlatObjectLayout?
    let leading: FlatObjectLayout?
    let trailing: FlatObjectLayout?
    /// The entity column holding the relation's key.
    let localColumn: Int
    /// For a relation, two per row: where its leading fields end, then where its trailing fields end.
    var ends: [Int32] = []
    var keys = RelationKeys()
    private(set) var count = 0

    init(tree: ResultTree, typeName: String, shape: DirectRead.Shape) {
        self.tree = tree
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

    mutating func write(_ row: any StoredRowCursor) -> Bool {
        let values = CursorValues(cursor: row)
        if let flat {
            if count > 0 { tree.leafBytes.append(UInt8(ascii: ",")) }
            tree.leafBytes.append(UInt8(ascii: "{"))
            guard tree.appendFlatFields(of: values, typeName: typeName, layout: flat, afterOthers: false) else {
                return false
            }
            tree.leafBytes.append(UInt8(ascii: "}"))
        } else {
            if let leading {
                guard tree.appendFlatFields(of: values, typeName: typeName, layout: leading, afterOthers: false)
                else { return false }
            }
            ends.append(Int32(tree.leafBytes.count))
            if let trailing {
                guard tree.appendFlatFields(of: values, typeName: typeName, layout: trailing, afterOthers: true)
                else { return false }
            }
            ends.append(Int32(tree.leafBytes.count))
            guard localColumn < row.width else { return false }
            keys.add(row.value(at: localColumn))
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
