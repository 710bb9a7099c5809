/// A node together with the index of the document it came from.
struct Located<Node> {
    var node: Node
    var document: Int

    init(_ node: Node, _ document: Int) {
        self.node = node
        self.document = document
    }
}
