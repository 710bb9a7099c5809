import Synchronization
import StrataJSON
import StrataSchema
import StrataLanguage

/// The response under construction, as flat arrays (an arena) so breadth-first execution can fill any
/// position at any step without nested copies.
///
/// Objects and lists are nodes owning a contiguous run of slots; a slot holds a leaf, null, or a child node.
/// Each slot knows whether its type is non-null and which node owns it, so a null can bubble up to the nearest
/// nullable position after the fact (GraphQL spec §6.4.4, "Handling Field Errors").
struct ResultTree {
    /// A position of the response. Leaves are stored serialized (`encoded`), so slots hold no references: the arena
    /// is freed without visiting them, and serialization copies bytes.
    enum Slot {
        case unset
        case null
        case node(Int32)
        /// A leaf's JSON: `leafBytes[start..<end]`.
        case encoded(start: Int32, end: Int32)
    }

    /// A serialized leaf value (what result coercion produces), before it is written into a slot.
    enum Leaf {
        case int(Int64)
        case double(Double)
        case string(String)
        case bool(Bool)
        case json(JSONValue)
        /// A `DateTime` (microseconds since the epoch), written as its RFC 3339 text without a `String` for it.
        case dateTime(Int64)
        /// A `Date` (days since 1970-01-01), written as `YYYY-MM-DD` likewise.
        case date(Int32)
    }

    struct Node {
        var isList: Bool
        var firstSlot: Int32
        var count: Int32
        /// The slot holding this node in its parent; -1 for the root object.
        var parentSlot: Int32
        /// For objects: index in `keyRanges`/`keyNames` of its first field's response key (its keys follow).
        var keySet: Int32
        var dead: Bool
    }

    var slots: [Slot] = []
    /// The JSON of the `.encoded` leaves, back to back.
    var leafBytes: ByteArena
    var slotNonNull: [Bool] = []
    var slotOwner: [Int32] = []
    var nodes: [Node] = []
    /// The response keys of every collected field list, pre-encoded as `"key":` JSON bytes, back to back in
    /// `keyBytes`; a field list's keys are consecutive entries of `keyRanges` (and of `keyNames`).
    var keyBytes: [UInt8] = []
    var keyRanges: [Range<Int>] = []
    var keyNames: [String] = []
    /// Set when a null bubbled all the way up to `data`.
    var dataIsNull = false
    var anyDead = false
    /// The bytes of the keys of every object whose fields were allocated (for `sizeBound`).
    var keyBytesAllocated = 0

    init() {
        leafBytes = ByteArena(capacity: 16 << 10)
        slots.reserveCapacity(1024)
        slotNonNull.reserveCapacity(1024)
        slotOwner.reserveCapacity(1024)
        nodes.reserveCapacity(256)
    }

    /// An empty tree without any buffer (a placeholder for one moved out).
    private init(placeholder: Void) { leafBytes = ByteArena(capacity: 16) }

    static var placeholder: ResultTree { ResultTree(placeholder: ()) }

    /// Bytes of memory the arena's buffers hold (their capacities).
    var footprint: Int {
        slots.capacity * MemoryLayout<Slot>.stride + leafBytes.capacity + slotNonNull.capacity
            + slotOwner.capacity * MemoryLayout<Int32>.stride + nodes.capacity * MemoryLayout<Node>.stride
            + keyBytes.capacity + keyRanges.capacity * MemoryLayout<Range<Int>>.stride
    }

    /// Empties the tree, keeping its buffers for the next request.
    mutating func reset() {
        slots.removeAll(keepingCapacity: true)
        leafBytes.removeAll()
        slotNonNull.removeAll(keepingCapacity: true)
        slotOwner.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        keyBytes.removeAll(keepingCapacity: true)
        keyRanges.removeAll(keepingCapacity: true)
        keyNames.removeAll(keepingCapacity: true)
        dataIsNull = false
        anyDead = false
        keyBytesAllocated = 0
    }

    /// Adds a field list's keys, encoded already; returns the index of the first.
    mutating func addKeySet(_ keys: EncodedKeySet) -> Int32 {
        let first = Int32(keyRanges.count)
        let base = keyBytes.count
        keyBytes.append(contentsOf: keys.bytes)
        var start = base
        for end in keys.ends {
            keyRanges.append(start..<(base &+ end))
            start = base &+ end
        }
        keyNames.append(contentsOf: keys.names)
        return first
    }

    /// Writes a leaf into `slot`, as its JSON bytes.
    @inline(__always)
    mutating func setLeaf(_ slot: Int32, _ leaf: Leaf) {
        let start = Int32(leafBytes.count)
        appendLeaf(leaf)
        slots[Int(slot)] = .encoded(start: start, end: Int32(leafBytes.count))
    }

    /// Appends a leaf's JSON bytes to `leafBytes`.
    @inline(__always)
    mutating func appendLeaf(_ leaf: Leaf) {
        switch leaf {
        case .string(let string): JSONOutput.appendString(string, to: &leafBytes)
        case .int(let value): JSONOutput.appendInt(value, to: &leafBytes)
        case .double(let value): JSONOutput.appendDouble(value, to: &leafBytes)
        case .bool(let value): leafBytes.append(bytes: value ? JSONOutput.trueBytes : JSONOutput.falseBytes)
        case .json(let value): JSONOutput.append(value, to: &leafBytes)
        case .dateTime(let microseconds):
            appendQuotedASCII(maxLength: DateTimeText.maxLength) { DateTimeText.write(microseconds: microseconds, into: $0) }
        case .date(let days):
            appendQuotedASCII(maxLength: DateText.maxLength) { DateText.write(days: days, into: $0) }
        }
    }

    /// Appends `"text"`, where `write` puts the text (ASCII that JSON does not escape) into a buffer of
    /// `maxLength` bytes and returns its length.
    @inline(__always)
    private mutating func appendQuotedASCII(maxLength: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxLength + 2) { buffer in
            buffer[0] = UInt8(ascii: "\"")
            let count = write(UnsafeMutableBufferPointer(rebasing: buffer[1...]))
            buffer[count + 1] = UInt8(ascii: "\"")
            leafBytes.append(bytes: UnsafeBufferPointer(rebasing: buffer[0..<(count + 2)]))
        }
    }

    /// Writes a string leaf into `slot`.
    @inline(__always)
    mutating func setString(_ slot: Int32, _ string: String) {
        let start = Int32(leafBytes.count)
        JSONOutput.appendString(string, to: &leafBytes)
        slots[Int(slot)] = .encoded(start: start, end: Int32(leafBytes.count))
    }

    /// A new object node (its slots are allocated when its selection set is planned).
    mutating func addObject(parentSlot: Int32) -> Int32 {
        nodes.append(Node(isList: false, firstSlot: -1, count: 0, parentSlot: parentSlot, keySet: -1, dead: false))
        return Int32(nodes.count - 1)
    }

    /// Allocates the field slots of object nodes, one run of `nonNull.count` slots per node in the order given.
    /// The arrays grow once for the whole batch: growing them per node (three appends each) cost more than the
    /// stores themselves on a page of a thousand objects.
    mutating func allocateFields(of objects: [Int32], keySet: Int32, nonNull: [Bool]) {
        let count = nonNull.count
        let base = slots.count
        let total = count * objects.count
        var keysLength = 0
        for range in keyRanges[Int(keySet)..<(Int(keySet) + count)] { keysLength += range.count }
        keyBytesAllocated += keysLength * objects.count
        slots.append(contentsOf: repeatElement(.unset, count: total))
        slotNonNull.append(contentsOf: repeatElement(false, count: total))
        slotOwner.append(contentsOf: repeatElement(-1, count: total))
        objects.withUnsafeBufferPointer { objects in
            nonNull.withUnsafeBufferPointer { nonNull in
                slotNonNull.withUnsafeMutableBufferPointer { flags in
                    slotOwner.withUnsafeMutableBufferPointer { owners in
                        nodes.withUnsafeMutableBufferPointer { nodes in
                            var slot = base
                            for node in objects {
                                nodes[Int(node)].firstSlot = Int32(slot)
                                nodes[Int(node)].count = Int32(count)
                                nodes[Int(node)].keySet = keySet
                                for field in 0..<count {
                                    flags[slot] = nonNull[field]
                                    owners[slot] = node
                                    slot += 1
                                }
                            }
                        }
                    }
                }
            }
        }
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
                components.append(.key(keyNames[Int(owner.keySet) + position]))
            }
            current = owner.parentSlot
        }
        return components.reversed()
    }

    // MARK: Serialization

    /// At least the bytes the response's JSON takes: every leaf's bytes, every object's keys, and per slot a
    /// comma and `null` at most, per node its brackets. Known without walking the tree.
    var sizeBound: Int { leafBytes.count + keyBytesAllocated + 5 * slots.count + 2 * nodes.count + 4 }

    /// `prefix`, the JSON of the object node `root` (or `null`), then `suffix`, in a new array allocated once at
    /// `sizeBound` and written through a pointer — no walk to size it first, no capacity or uniqueness check per
    /// key, leaf or bracket (every write checks the bound).
    func json(root: Int32, between prefix: [UInt8], and suffix: [UInt8]) -> [UInt8] {
        if dataIsNull { return prefix + JSONOutput.nullBytes + suffix }
        let capacity = prefix.count + sizeBound + suffix.count
        return slots.withUnsafeBufferPointer { slots in
            nodes.withUnsafeBufferPointer { nodes in
                keyBytes.withUnsafeBufferPointer { keyBytes in
                    keyRanges.withUnsafeBufferPointer { keyRanges in
                        [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                            let base = buffer.baseAddress!
                            let writer = Writer(
                                slots: slots, nodes: nodes, keyBytes: keyBytes, keyRanges: keyRanges,
                                leafBytes: leafBytes.bytes, end: base + capacity)
                            var cursor = base
                            prefix.withUnsafeBufferPointer { writer.copy($0, &cursor) }
                            writer.writeNode(root, to: &cursor)
                            suffix.withUnsafeBufferPointer { writer.copy($0, &cursor) }
                            initialized = cursor - base
                        }
                    }
                }
            }
        }
    }

    /// The serializer, over the arena's buffers (valid for the duration of `write`), so reading a slot or a key
    /// neither checks bounds twice nor retains the arrays.
    private struct Writer {
        let slots: UnsafeBufferPointer<Slot>
        let nodes: UnsafeBufferPointer<Node>
        let keyBytes: UnsafeBufferPointer<UInt8>
        let keyRanges: UnsafeBufferPointer<Range<Int>>
        let leafBytes: UnsafeBufferPointer<UInt8>
        /// The end of the space written into: a write past it stops the process rather than corrupt memory.
        let end: UnsafeMutablePointer<UInt8>

        /// Writes the node's JSON at `cursor` and moves it past them.
        func writeNode(_ index: Int32, to cursor: inout UnsafeMutablePointer<UInt8>) {
            let node = nodes[Int(index)]
            let first = Int(node.firstSlot)
            let count = Int(node.count)
            if node.isList {
                put(UInt8(ascii: "["), &cursor)
                for i in 0..<count {
                    if i > 0 { put(UInt8(ascii: ","), &cursor) }
                    writeSlot(first + i, to: &cursor)
                }
                put(UInt8(ascii: "]"), &cursor)
            } else {
                put(UInt8(ascii: "{"), &cursor)
                let keys = Int(node.keySet)
                for i in 0..<count {
                    if i > 0 { put(UInt8(ascii: ","), &cursor) }
                    copy(UnsafeBufferPointer(rebasing: keyBytes[keyRanges[keys + i]]), &cursor)
                    writeSlot(first + i, to: &cursor)
                }
                put(UInt8(ascii: "}"), &cursor)
            }
        }

        private func writeSlot(_ slot: Int, to cursor: inout UnsafeMutablePointer<UInt8>) {
            switch slots[slot] {
            case .unset, .null:
                for byte in "null".utf8 { put(byte, &cursor) }
            case .node(let n): writeNode(n, to: &cursor)
            case .encoded(let start, let end):
                copy(UnsafeBufferPointer(rebasing: leafBytes[Int(start)..<Int(end)]), &cursor)
            }
        }

        @inline(__always) private func put(_ byte: UInt8, _ cursor: inout UnsafeMutablePointer<UInt8>) {
            precondition(cursor < end, "response larger than its bound")
            cursor.pointee = byte
            cursor += 1
        }

        /// Copies a key or a leaf (most are 4 to 16 bytes: `ShortCopy`).
        @inline(__always) func copy(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout UnsafeMutablePointer<UInt8>) {
            guard let base = bytes.baseAddress else { return }
            let count = bytes.count
            precondition(end - cursor >= count, "response larger than its bound")
            ShortCopy.copy(from: UnsafeRawPointer(base), to: UnsafeMutableRawPointer(cursor), count: count)
            cursor += count
        }
    }
}

/// Result trees of finished requests, emptied, for the next requests to reuse: a large response otherwise
/// allocates (and page-faults in) its arena afresh every time. Bounded in count and in the memory each tree keeps
/// (by default at most 4 trees of at most 4 MiB each; a larger tree is simply freed).
final class ResultTreePool: Sendable {
    private let trees = Mutex<[ResultTree]>([])
    private let maxTrees: Int
    private let maxFootprint: Int

    init(maxTrees: Int = 4, maxFootprint: Int = 4 << 20) {
        self.maxTrees = maxTrees
        self.maxFootprint = maxFootprint
    }

    func take() -> ResultTree {
        trees.withLock { $0.popLast() } ?? ResultTree()
    }

    /// Takes back a tree no one else references (so its buffers are reused, not copied).
    func give(_ tree: consuming ResultTree) {
        var tree = tree
        guard tree.footprint <= maxFootprint else { return }
        tree.reset()
        trees.withLock { trees in
            if trees.count < maxTrees { trees.append(tree) }
        }
    }
}
