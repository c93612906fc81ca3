import Foundation

/// One dataset in the search index, folded as the catalogue's search folds (`SearchText.fold`), so the
/// page finds what `lumpini catalog search` finds.
struct SearchIndexEntry: Codable, Sendable, Equatable {
    var id: String
    var title: LocalizedText
    var publisher: String
    var theme: String
    var formats: [String]
    var updated: String
    /// Folded title, keywords and description (Thai and English).
    var ft: String
    var fk: String
    var fd: String

    init(detail: DatasetDetail, names: SiteNames) {
        let metadata = detail.metadata
        id = detail.id
        title = metadata.title
        publisher = Bilingual.plain(names.agency(metadata.publisher))
        theme = Bilingual.plain(names.theme(metadata.theme))
        formats = detail.manifest.dataFiles.map(\.format)
        updated = detail.releasedAt
        ft = SearchText.fold([metadata.title.th, metadata.title.en].compactMap { $0 }.joined(separator: " "))
        fk = SearchText.fold((metadata.keywords.th + metadata.keywords.en).joined(separator: " "))
        fd = SearchText.fold([metadata.description.th, metadata.description.en].compactMap { $0 }.joined(separator: " "))
    }
}

/// `_site/search/`: the home page's search index, split so that a search reads only what it needs,
/// however many datasets there are.
///
/// - `docs-<n>.json`: the entries of datasets `n × docsPerShard ..< (n + 1) × docsPerShard` (by id).
/// - `grams-<k>.json`: for each trigram (three Unicode scalars of a folded title, keywords or
///   description, as the catalogue's trigram index cuts them), the numbers of the datasets that hold
///   it, first number then differences; a trigram is in shard FNV-1a(its scalars) mod `gramShards`.
///
/// A query word of three scalars or more reads the shards of its trigrams; the datasets holding all of
/// them are the candidates, whose entries are then read and matched as the catalogue matches (substring,
/// Thai as written), so the trigrams only narrow what is read and never decide a result. A query made only
/// of shorter words reads every entry, as the catalogue scans for them.
struct SearchIndex {
    static let folder = "\(SiteLayout.sitePath)/search"
    /// Where sites built before the index was split kept it whole.
    static let formerSingleFile = "\(SiteLayout.sitePath)/search-index.json"
    static let docsPerShard = 200
    static let gramShards = 64

    /// By dataset id: a dataset's number is its place here.
    var entries: [SearchIndexEntry]

    var docShards: Int { Self.docShards(count: entries.count) }

    /// How many files hold the entries of `count` datasets.
    static func docShards(count: Int) -> Int { (count + docsPerShard - 1) / docsPerShard }

    /// Every file of the index, by its path in the public tree.
    func files() throws -> [(String, Data)] {
        var files: [(String, Data)] = []
        for shard in 0..<docShards {
            let members = Array(entries[(shard * Self.docsPerShard)..<min(entries.count, (shard + 1) * Self.docsPerShard)])
            files.append(("\(Self.folder)/docs-\(shard).json", try JSONOutput.data(members, pretty: false)))
        }
        var postings = [[UInt64: [Int32]]](repeating: [:], count: Self.gramShards)
        for (number, entry) in entries.enumerated() {
            let document = Int32(number)
            for text in [entry.ft, entry.fk, entry.fd] {
                Self.forEachTrigram(text) { gram, shard in
                    if postings[shard][gram]?.last != document { postings[shard][gram, default: []].append(document) }
                }
            }
        }
        for (shard, grams) in postings.enumerated() {
            files.append(("\(Self.folder)/grams-\(shard).json", Data(Self.json(grams))))
        }
        return files
    }

    /// Calls `body` with each trigram of `text` packed in 63 bits (21 a scalar) and its shard.
    static func forEachTrigram(_ text: String, _ body: (UInt64, Int) -> Void) {
        let scalars = text.unicodeScalars.map(\.value)
        guard scalars.count >= 3 else { return }
        for start in 0...(scalars.count - 3) {
            let gram = UInt64(scalars[start]) << 42 | UInt64(scalars[start + 1]) << 21 | UInt64(scalars[start + 2])
            body(gram, shard(scalars[start..<(start + 3)]))
        }
    }

    /// FNV-1a over the scalars, as `site.js` computes it (`Math.imul`), modulo the shard count.
    static func shard(_ scalars: ArraySlice<UInt32>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for scalar in scalars { hash = (hash ^ scalar) &* 16_777_619 }
        return Int(hash % UInt32(gramShards))
    }

    /// `{"<trigram>":[first, +delta, …], …}`, trigrams in a stable order.
    private static func json(_ grams: [UInt64: [Int32]]) -> [UInt8] {
        var out: [UInt8] = []
        out.append(UInt8(ascii: "{"))
        for (index, gram) in grams.keys.sorted().enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            var text = String.UnicodeScalarView()
            for shift in [42, 21, 0] { text.append(Unicode.Scalar(UInt32(truncatingIfNeeded: gram >> UInt64(shift)) & 0x1F_FFFF) ?? "?") }
            out.jsonString(String(text))
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: "["))
            var previous: Int32 = 0
            for (position, document) in grams[gram]!.enumerated() {
                if position > 0 { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: String(document - previous).utf8)
                previous = document
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "}\n".utf8)
        return out
    }
}
