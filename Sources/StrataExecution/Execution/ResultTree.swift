import StrataJSON
import StrataLanguage

/// The response under construction, as flat arrays (an arena) so breadth-first execution can fill any
/// position at any step without nested copies.
///
/// Objects and lists are nodes owning a contiguous run of slots; a slot holds a leaf, null, or a child node.
/// Each slot knows whether its type is non-null and which node owns it, so a null can bubble up to the nearest
/// nullable position after the fact (GraphQL spec §6.4.4, "Handling Field Errors").
struct ResultTree {
    enum Slot {
        case unset
        case null
        case int(Int64)
        case double(Double)
        case string(String)
        case bool(Bool)
        case json(JSONValue)
        case node(Int32)
    }

    struct Node {
        var isList: Bool
        var firstSlot: Int32
        var count: Int32
        /// The slot holding this node in its parent; -1 for the root object.
        var parentSlot: Int32
        /// For objects: index into `keySets` (the response keys of its fields).
        var keySet: Int32
        var dead: Bool
    }

    var slots: [Slot] = []
    var slotNonNull: [Bool] = []
    var slotOwner: [Int32] = []
    var nodes: [Node] = []
    /// Response keys per collected field list, pre-encoded as `"key":` JSON bytes.
    var keySets: [[[UInt8]]] = []
    var keySetNames: [[String]] = []
    /// Set when a null bubbled all the way up to `data`.
    var dataIsNull = false
    var anyDead = false

    init() {
        slots.reserveCapacity(1024)
        slotNonNull.reserveCapacity(1024)
        slotOwner.reserveCapacity(1024)
        nodes.reserveCapacity(256)
    }

    mutating func addKeySet(_ keys: [String]) -> Int32 {
        keySets.append(keys.map { key in
            var bytes: [UInt8] = [UInt8(ascii: "\"")]
            JSONOutput.appendEscaped(key, to: &bytes)
            bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
            return bytes
        })
        keySetNames.append(keys)
        return Int32(keySets.count - 1)
    }

    /// A new object node (its slots are allocated when its selection set is planned).
    mutating func addObject(parentSlot: Int32) -> Int32 {
        nodes.append(Node(isList: false, firstSlot: -1, count: 0, parentSlot: parentSlot, keySet: -1, dead: false))
        return Int32(nodes.count - 1)
    }

    /// Allocates the field slots of an object node.
    mutating func allocateFields(of node: Int32, keySet: Int32, nonNull: [Bool]) {
        let first = Int32(slots.count)
        nodes[Int(node)].firstSlot = first
        nodes[Int(node)].count = Int32(nonNull.count)
        nodes[Int(node)].keySet = keySet
        slots.append(contentsOf: repeatElement(.unset, count: nonNull.count))
        slotNonNull.append(contentsOf: nonNull)
        slotOwner.append(contentsOf: repeatElement(node, count: nonNull.count))
    }

    /// A new list node with `count` item slots.
    mutating func addList(parentSlot: Int32, count: Int, itemNonNull: Bool) -> Int32 {
        let node = Int32(nodes.count)
        nodes.append(
            Node(isList: true, firstSlot: Int32(slots.count), count: Int32(count), parentSlot: parentSlot, keySet: -1, dead: false))
        slots.append(contentsOf: repeatElement(.unset, count: count))
        slotNonNull.append(contentsOf: repeatElement(itemNonNull, count: count))
        slotOwner.append(contentsOf: repeatElement(node, count: count))
        return node
    }

    /// Writes null into `slot`; when the slot is non-null, the null bubbles to the owner's position.
    mutating func setNull(_ slot: Int32) {
        slots[Int(slot)] = .null
        if slotNonNull[Int(slot)] { kill(slotOwner[Int(slot)]) }
    }

    private mutating func kill(_ node: Int32) {
        if nodes[Int(node)].dead { return }
        nodes[Int(node)].dead = true
        anyDead = true
        let parent = nodes[Int(node)].parentSlot
        if parent < 0 {
            dataIsNull = true
            return
        }
        setNull(parent)
    }

    /// Whether the node or one of its ancestors was nulled (its subtree is no longer in the response).
    func isDetached(_ node: Int32) -> Bool {
        if !anyDead { return false }
        var current = node
        while true {
            let n = nodes[Int(current)]
            if n.dead { return true }
            if n.parentSlot < 0 { return false }
            current = slotOwner[Int(n.parentSlot)]
        }
    }

    /// The response path of a slot (for error reporting).
    func path(of slot: Int32) -> [PathComponent] {
        var components: [PathComponent] = []
        var current = slot
        while current >= 0 {
            let owner = nodes[Int(slotOwner[Int(current)])]
            let position = Int(current - owner.firstSlot)
            if owner.isList {
                components.append(.index(position))
            } else {
                components.append(.key(keySetNames[Int(owner.keySet)][position]))
            }
            current = owner.parentSlot
        }
        return components.reversed()
    }

    // MARK: Serialization

    /// Appends the JSON of the object node `root` (or `null`).
    func write(root: Int32, to out: inout [UInt8]) {
        if dataIsNull {
            out.append(contentsOf: JSONOutput.nullBytes)
            return
        }
        writeNode(root, to: &out)
    }

    private func writeNode(_ index: Int32, to out: inout [UInt8]) {
        let node = nodes[Int(index)]
        let first = Int(node.firstSlot)
        let count = Int(node.count)
        if node.isList {
            out.append(UInt8(ascii: "["))
            for i in 0..<count {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                writeSlot(first + i, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        } else {
            out.append(UInt8(ascii: "{"))
            if count > 0 {
                let keys = keySets[Int(node.keySet)]
                for i in 0..<count {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: keys[i])
                    writeSlot(first + i, to: &out)
                }
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private func writeSlot(_ slot: Int, to out: inout [UInt8]) {
        switch slots[slot] {
        case .unset, .null: out.append(contentsOf: JSONOutput.nullBytes)
        case .int(let i): JSONOutput.appendInt(i, to: &out)
        case .double(let d): JSONOutput.appendDouble(d, to: &out)
        case .string(let s): JSONOutput.appendString(s, to: &out)
        case .bool(let b): out.append(contentsOf: b ? JSONOutput.trueBytes : JSONOutput.falseBytes)
        case .json(let v): JSONOutput.append(v, to: &out)
        case .node(let n): writeNode(n, to: &out)
        }
    }
}
