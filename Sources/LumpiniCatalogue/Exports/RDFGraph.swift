import Foundation

/// A small RDF graph of named nodes, written as JSON-LD (with an inline context, so no reader
/// ever fetches one) or as Turtle. Predicates and types are compact IRIs (`dct:title`) over `prefixes`.
struct RDFGraph {
    enum Object: Hashable {
        case iri(String)
        case text(String, language: String?)
        case typed(String, datatype: String)
    }

    struct Node {
        var iri: String
        var types: [String]
        var properties: [(predicate: String, object: Object)] = []
        /// The properties again, to find one already there without a scan: the catalogue node links every dataset.
        var propertySet: Set<Property> = []
    }

    struct Property: Hashable {
        var predicate: String
        var object: Object
    }

    let prefixes: [(prefix: String, namespace: String)]
    private(set) var nodes: [Node] = []
    private var index: [String: Int] = [:]

    init(prefixes: [(prefix: String, namespace: String)]) {
        self.prefixes = prefixes
    }

    /// Adds a node, or adds to the node already there with this IRI (types and properties not yet present).
    mutating func add(_ iri: String, types: [String], _ properties: [(String, Object?)] = []) {
        let position: Int
        if let existing = index[iri] {
            position = existing
        } else {
            position = nodes.count
            index[iri] = position
            nodes.append(Node(iri: iri, types: []))
        }
        for type in types where !nodes[position].types.contains(type) { nodes[position].types.append(type) }
        for (predicate, object) in properties {
            guard let object, nodes[position].propertySet.insert(Property(predicate: predicate, object: object)).inserted else { continue }
            nodes[position].properties.append((predicate, object))
        }
    }

    /// Language-tagged literals for the Thai and English of a text, leaving out what is empty.
    static func texts(_ text: LocalizedText) -> [Object] {
        [("th", text.th), ("en", text.en)].compactMap { language, value in
            guard let value, !value.isEmpty else { return nil }
            return .text(value, language: language)
        }
    }

    // MARK: JSON-LD

    /// The graph as a JSON-LD document (pretty, keys sorted), node by node: the graph of 10,000 datasets is
    /// never held a second time as a JSON tree.
    func writeJSONLD<Output: ByteOutput & ~Copyable>(to output: inout Output) throws(Output.Failure) {
        var context: [String: JSONNode] = [:]
        for (prefix, namespace) in prefixes { context[prefix] = .string(namespace) }
        try JSONNode.writeObject(keys: ["@context", "@graph"], to: &output, pretty: true, depth: 0) { key, output throws(Output.Failure) in
            if key == "@context" {
                try JSONNode.object(context).write(to: &output, pretty: true, depth: 1)
            } else {
                try JSONNode.writeArray(count: nodes.count, to: &output, pretty: true, depth: 1) { index, output throws(Output.Failure) in
                    try RDFGraph.jsonLD(nodes[index]).write(to: &output, pretty: true, depth: 2)
                }
            }
        }
        output.append(0x0A)
    }

    private static func jsonLD(_ node: Node) -> JSONNode {
        var object: [String: JSONNode] = ["@id": .string(escapedIRI(node.iri))]
        if !node.types.isEmpty { object["@type"] = .array(node.types.map(JSONNode.string)) }
        var grouped: [String: [JSONNode]] = [:]
        for (predicate, value) in node.properties { grouped[predicate, default: []].append(jsonLD(value)) }
        for (predicate, values) in grouped { object[predicate] = .array(values) }
        return .object(object)
    }

    private static func jsonLD(_ object: Object) -> JSONNode {
        switch object {
        case .iri(let iri): return ["@id": .string(escapedIRI(iri))]
        case .text(let value, let language):
            return language.map { ["@value": .string(value), "@language": .string($0)] } ?? ["@value": .string(value)]
        case .typed(let value, let datatype): return ["@value": .string(value), "@type": .string(datatype)]
        }
    }

    // MARK: Turtle

    var turtle: String {
        var text = prefixes.map { "@prefix \($0.prefix): <\($0.namespace)> .\n" }.joined() + "\n"
        for node in nodes {
            var lines: [String] = []
            if !node.types.isEmpty { lines.append("a " + node.types.joined(separator: ", ")) }
            var order: [String] = []
            var grouped: [String: [String]] = [:]
            for (predicate, object) in node.properties {
                if grouped[predicate] == nil { order.append(predicate) }
                grouped[predicate, default: []].append(RDFGraph.turtle(object))
            }
            lines += order.map { "\($0) \(grouped[$0]!.joined(separator: ", "))" }
            text += "<\(RDFGraph.escapedIRI(node.iri))>\n    " + lines.joined(separator: " ;\n    ") + " .\n\n"
        }
        return text
    }

    private static func turtle(_ object: Object) -> String {
        switch object {
        case .iri(let iri): return "<\(escapedIRI(iri))>"
        case .text(let value, let language): return quoted(value) + (language.map { "@\($0)" } ?? "")
        case .typed(let value, let datatype): return quoted(value) + "^^" + datatype
        }
    }

    /// `iri` with what an IRI may not hold percent-encoded (RFC 3987: controls, space, `<>"{}|^`\`
    /// backquote and backslash), the same in JSON-LD and Turtle, so a value from `dataset.yaml` or a
    /// manifest can neither close Turtle's `<…>` nor make an IRI a reader rejects. Characters an IRI
    /// allows, Thai among them, are kept.
    static func escapedIRI(_ iri: String) -> String {
        guard iri.unicodeScalars.contains(where: needsPercentEncoding) else { return iri }
        var escaped = ""
        for scalar in iri.unicodeScalars {
            guard needsPercentEncoding(scalar) else {
                escaped.unicodeScalars.append(scalar)
                continue
            }
            for byte in String(scalar).utf8 { escaped += String(format: "%%%02X", byte) }
        }
        return escaped
    }

    private static func needsPercentEncoding(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || "<>\"{}|^`\\".unicodeScalars.contains(scalar)
    }

    private static func quoted(_ value: String) -> String {
        var escaped = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }
}
