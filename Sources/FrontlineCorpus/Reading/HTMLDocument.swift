import CLibXML2

/// An HTML page parsed by libxml2's HTML parser (through the `CLibXML2` shim) into a tree of
/// elements and text, bounded in depth and size. The only file that touches the shim.
struct HTMLDocument {
    /// One element or text node.
    struct Node {
        /// The element's lower-case name; "" for a text node.
        var name: String
        /// The element's attributes (those the shim keeps), names lower-case, in document order.
        var attributes: [(name: String, value: String)]
        /// A text node's text.
        var text: String
        /// The parent's index (-1 for a root).
        var parent: Int
        /// The children's indexes, in order.
        var children: [Int] = []

        /// True for a text node.
        var isText: Bool { name.isEmpty }

        /// The value of attribute `name`, if present.
        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }

    /// Every node, parents before children; the roots are those whose parent is -1.
    private(set) var nodes: [Node] = []
    /// Elements left out for lying deeper than `maximumDepth`.
    private(set) var tooDeep = 0
    /// True if the page was larger than `maximumEvents` bytes of elements and text once parsed,
    /// and its end was dropped.
    private(set) var truncated = false

    /// Elements deeper than this are not read (the page's text lies far shallower).
    static let maximumDepth = 256
    /// The most bytes of parsed elements and text kept from one page.
    static let maximumEvents = 64 << 20

    /// Parses `html` (UTF-8); nil if libxml2 could not make a document of it at all.
    init?(html: String) {
        var result = clx_result()
        var source = html
        let status = source.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                clx_flatten_html(chars.baseAddress, chars.count, HTMLDocument.maximumDepth, HTMLDocument.maximumEvents, &result)
            }
        }
        defer { clx_result_free(&result) }
        guard status == 0 else { return nil }
        tooDeep = result.too_deep
        truncated = result.truncated != 0
        guard let bytes = result.bytes else { return }
        build(from: UnsafeBufferPointer(start: bytes, count: result.length))
    }

    /// Builds the tree from the shim's events.
    private mutating func build(from events: UnsafeBufferPointer<UInt8>) {
        var i = 0
        let n = events.count
        func string() -> String {
            let start = i
            while i < n, events[i] != 0 { i += 1 }
            let text = String(decoding: UnsafeBufferPointer(rebasing: events[start..<i]), as: UTF8.self)
            i += 1 // the NUL
            return text
        }
        var open: [Int] = []
        func add(_ node: Node) {
            let index = nodes.count
            nodes.append(node)
            if let parent = open.last { nodes[parent].children.append(index) }
        }
        while i < n {
            let code = Int32(events[i])
            i += 1
            switch code {
            case Int32(CLX_OPEN):
                let name = string()
                var attributes: [(name: String, value: String)] = []
                while i < n, events[i] != 0 {
                    let key = string() // libxml2's HTML parser lower-cases names
                    attributes.append((key, string()))
                }
                i += 1 // the empty name ending the attributes
                add(Node(name: name, attributes: attributes, text: "", parent: open.last ?? -1))
                open.append(nodes.count - 1)
            case Int32(CLX_TEXT):
                add(Node(name: "", attributes: [], text: string(), parent: open.last ?? -1))
            default: // CLX_CLOSE
                _ = open.popLast()
            }
        }
    }

    /// The text under node `index`, in document order, as written (whitespace unchanged).
    func text(of index: Int) -> String {
        var out = ""
        var stack = [index]
        while let next = stack.popLast() {
            let node = nodes[next]
            if node.isText { out += node.text } else { stack += node.children.reversed() }
        }
        return out
    }

    /// The indexes of the elements named `name`, in document order.
    func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].name == name }
    }
}
