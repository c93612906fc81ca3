import Foundation

/// A metadata quality score in the spirit of the European data portal's Metadata Quality
/// Assessment (MQA): the same five dimensions, the same points per check and the same ratings
/// (405 points at most), with each check read from what Lumpini knows of a release.
public struct QualityScore: Codable, Sendable, Equatable {
    public enum Dimension: String, Codable, Sendable, CaseIterable {
        case findability, accessibility, interoperability, reusability, contextuality
    }

    public enum Rating: String, Codable, Sendable, CaseIterable, Comparable {
        case excellent, good, sufficient, bad

        /// The MQA's bands: 351–405 excellent, 221–350 good, 121–220 sufficient, below that bad.
        init(points: Int) {
            switch points {
            case 351...: self = .excellent
            case 221...: self = .good
            case 121...: self = .sufficient
            default: self = .bad
            }
        }

        public static func < (lhs: Rating, rhs: Rating) -> Bool {
            allCases.firstIndex(of: lhs)! > allCases.firstIndex(of: rhs)!
        }
    }

    /// A check that failed: what to do and the points it would bring.
    public struct Advice: Codable, Sendable, Equatable {
        public var dimension: Dimension
        public var check: String
        public var points: Int
        public var advice: String
    }

    public static let maximum = 405

    public var points: Int
    public var rating: Rating
    public var byDimension: [String: Int]
    /// What is missing to raise the score, the most valuable first.
    public var missing: [Advice]

    /// Scores the latest release of a dataset.
    /// - Parameters:
    ///   - manifest: the release's manifest.
    ///   - directory: the release's version directory, to check that its files are there; nil to skip.
    public init(manifest: Manifest, firstReleasedAt: String?, directory: URL?) {
        let metadata = manifest.metadata
        let data = manifest.dataFiles
        let formats = data.map { FileFormat.named($0.format) }
        let licence = License.code(metadata.license)
        let filesOnDisk: Bool? = directory.map { directory in
            !data.isEmpty && data.allSatisfy { file in
                let attributes = try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(file.path).path)
                return (attributes?[.size] as? NSNumber)?.intValue == file.size
            }
        }
        let hasText = { (text: LocalizedText) in !(text.th ?? "").isEmpty || !(text.en ?? "").isEmpty }

        var earned: [Dimension: Int] = [:]
        var missing: [Advice] = []
        func check(_ dimension: Dimension, _ name: String, _ points: Int, _ passed: Bool, _ advice: String) {
            if passed {
                earned[dimension, default: 0] += points
            } else {
                missing.append(Advice(dimension: dimension, check: name, points: points, advice: advice))
            }
        }

        check(.findability, "keywords", 30, !metadata.keywords.all.isEmpty,
              "add keywords (keywords.th, keywords.en) in dataset.yaml")
        check(.findability, "theme", 30, !metadata.theme.isEmpty, "set theme to a code of the themes vocabulary")
        check(.findability, "spatial-coverage", 20, metadata.spatial.bbox.count == 4 || manifest.extent != nil,
              "declare spatial.bbox as [minLon, minLat, maxLon, maxLat]")
        check(.findability, "temporal-coverage", 20, metadata.temporal?.start != nil || metadata.temporal?.end != nil,
              "declare temporal.start and temporal.end (ISO 8601 dates)")

        check(.accessibility, "access-url", 50, filesOnDisk ?? true,
              "publish again: the release's files are missing from the public tree or have another size than the manifest says")
        check(.accessibility, "download-url", 20, !data.isEmpty, "publish at least one data file (GeoJSON or CSV)")
        check(.accessibility, "download-url-accessible", 30, !data.isEmpty && (filesOnDisk ?? true),
              "publish again so that every data file listed in the manifest is in the public tree")

        check(.interoperability, "format", 20, !data.isEmpty && data.allSatisfy { !$0.format.isEmpty },
              "give every data file a format")
        check(.interoperability, "media-type", 10, !data.isEmpty && data.allSatisfy { !$0.mediaType.isEmpty },
              "give every data file a media type")
        check(.interoperability, "format-vocabulary", 10, !formats.isEmpty && formats.allSatisfy { $0?.euFileType != nil },
              "publish in formats of the EU file-type list (GeoJSON, CSV, GeoPackage, KML)")
        check(.interoperability, "non-proprietary", 20, formats.contains { $0?.nonProprietary == true },
              "publish at least one non-proprietary format (GeoJSON, CSV)")
        check(.interoperability, "machine-readable", 20, formats.contains { $0?.machineReadable == true },
              "publish at least one machine-readable format (GeoJSON, CSV)")
        check(.interoperability, "dcat-ap-compliance", 30,
              hasText(metadata.title) && hasText(metadata.description) && (!metadata.highValue.flag || metadata.highValue.category != nil),
              "fill title and description" + (metadata.highValue.flag ? ", and highValue.category for a high-value dataset" : ""))

        check(.reusability, "licence", 20, !metadata.license.isEmpty, "set license to a licence code")
        check(.reusability, "licence-vocabulary", 10, licence.isKnown,
              "use a licence of the EU licence list, such as CC-BY-4.0 (\(metadata.license) is not on it)")
        check(.reusability, "access-restrictions", 10, true, "")
        check(.reusability, "access-rights-vocabulary", 5, metadata.classification == .public,
              "only data classified public can be open data: check classification")
        check(.reusability, "contact-point", 20, metadata.contact.email.contains("@"), "give contact.email")
        check(.reusability, "publisher", 10, !metadata.publisher.isEmpty, "set publisher to an agency code")

        check(.contextuality, "rights", 5, metadata.governance.isApproved,
              "record the governance approval (governance.status approved, approvedBy, approvedOn)")
        check(.contextuality, "file-size", 5, !data.isEmpty && data.allSatisfy { $0.size > 0 }, "publish data files that are not empty")
        check(.contextuality, "issued", 5, firstReleasedAt != nil, "the first release date is unknown: keep v1 in the public tree")
        check(.contextuality, "modified", 5, !manifest.releasedAt.isEmpty, "the release has no date")

        let total = earned.values.reduce(0, +)
        self.points = total
        self.rating = Rating(points: total)
        self.byDimension = Dictionary(uniqueKeysWithValues: Dimension.allCases.map { ($0.rawValue, earned[$0] ?? 0) })
        self.missing = missing.sorted { $0.points > $1.points }
    }
}
