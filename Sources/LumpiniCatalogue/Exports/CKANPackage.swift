/// A dataset as CKAN's `package_show` returns it (and `package_create` / `ckanapi load datasets`
/// take it): core fields, the Thai GD Catalog fields at the top level as the catalogue's CKAN
/// schema has them, resources with url, format, hash and size, and DCAT extras.
public struct CKANPackage {
    public let settings: CatalogueExportSettings

    public init(settings: CatalogueExportSettings = CatalogueExportSettings()) {
        self.settings = settings
    }

    public func package(_ detail: DatasetDetail) -> JSONNode {
        let metadata = detail.metadata
        var package = GDCatalogRecord(detail, settings: settings).fields
        let core: [String: JSONNode] = [
            // The dataset id is also the package id, so `package_show?id=` takes either.
            "id": .string(metadata.id),
            "name": .string(metadata.id),
            "metadata_created": .string(String(detail.firstReleasedAt.dropLast())),
            "metadata_modified": .string(String(detail.releasedAt.dropLast())),
            "organization": organization(metadata.publisher, packageCount: nil),
            "title": .string(metadata.title.th ?? metadata.title.en ?? metadata.id),
            "title_translated": .compact(["th": .optional(metadata.title.th), "en": .optional(metadata.title.en)]),
            "notes_translated": .compact(["th": .optional(metadata.description.th), "en": .optional(metadata.description.en)]),
            "owner_org": .string(metadata.publisher.lowercased()),
            "maintainer": .string(metadata.contact.name),
            "maintainer_email": .string(metadata.contact.email),
            "license_id": .string(metadata.license),
            "private": .bool(metadata.classification != .public),
            "state": "active",
            "type": "dataset",
            "url": .string(settings.landingPage(metadata.id)),
            "version": .string("v\(detail.version)"),
            "tags": .array(Self.tags(metadata).map { ["name": .string($0), "display_name": .string($0)] }),
            "num_tags": .integer(Int64(Self.tags(metadata).count)),
            "groups": [group(metadata.theme, packageCount: nil)],
            "num_resources": .integer(Int64(detail.manifest.dataFiles.count)),
            "resources": .array(resources(detail)),
            "extras": .array(extras(detail).map { ["key": .string($0.0), "value": .string($0.1)] }),
        ]
        package.merge(core) { _, core in core }
        return .object(package)
    }

    /// The version's data files as CKAN resources (`resource_show`).
    public func resources(_ detail: DatasetDetail) -> [JSONNode] {
        detail.manifest.dataFiles.enumerated().map { position, file in
            [
                "id": .string(Self.resourceID(detail.id, file)), "package_id": .string(detail.id), "position": .integer(Int64(position)),
                "name": .string(file.path), "url": .string(settings.downloadURL(detail, file)), "format": .string(file.format),
                "mimetype": .string(file.mediaType), "hash": .string(file.sha256), "hash_algorithm": "SHA-256",
                "size": .integer(Int64(file.size)), "last_modified": .string(String(detail.releasedAt.dropLast())),
            ]
        }
    }

    /// A resource's id: the dataset id and the file's name, stable from release to release.
    public static func resourceID(_ datasetID: String, _ file: Manifest.File) -> String {
        "\(datasetID)/\(file.path)"
    }

    /// The dataset's tags: its Thai keywords, then its English ones.
    public static func tags(_ metadata: DatasetMetadata) -> [String] {
        metadata.keywords.all
    }

    /// A publisher as a CKAN organisation (`organization_show`), with its dataset count when known.
    public func organization(_ code: String, packageCount: Int?) -> JSONNode {
        namedObject(code.lowercased(), names: settings.publisherName(code), type: "organization", packageCount: packageCount)
    }

    /// A theme as a CKAN group (`group_show`), with its dataset count when known.
    public func group(_ code: String, packageCount: Int?) -> JSONNode {
        namedObject(code, names: settings.themeNames[code] ?? LocalizedText(th: code, en: code), type: "group", packageCount: packageCount)
    }

    private func namedObject(_ name: String, names: LocalizedText, type: String, packageCount: Int?) -> JSONNode {
        let title = names.th ?? names.en ?? name
        var object: [String: JSONNode] = [
            "id": .string(name), "name": .string(name), "title": .string(title), "display_name": .string(title),
            "title_translated": .compact(["th": .optional(names.th), "en": .optional(names.en)]),
            "type": .string(type), "state": "active", "is_organization": .bool(type == "organization"),
            "approval_status": "approved",
        ]
        if let packageCount { object["package_count"] = .integer(Int64(packageCount)) }
        return .object(object)
    }

    private func extras(_ detail: DatasetDetail) -> [(String, String)] {
        let metadata = detail.metadata
        var extras: [(String, String)] = [
            // The national catalogue harvests a package only when this says so: public data may be harvested.
            ("allow_harvest", metadata.classification == .public ? "True" : "False"),
            ("high_value", String(metadata.highValue.flag)),
            ("update_frequency", metadata.updateFrequency.rawValue),
            ("issued", detail.firstReleasedAt), ("modified", detail.releasedAt),
        ]
        if let category = metadata.highValue.category.flatMap({ HighValueCategory.concepts[$0] }), metadata.highValue.flag {
            extras.append(("hvd_category", category.iri))
            extras += settings.applicableLegislation.map { ("applicable_legislation", $0) }
        }
        let box = detail.manifest.extent.map { [$0.minX, $0.minY, $0.maxX, $0.maxY] } ?? metadata.spatial.bbox
        if box.count == 4 {
            // ckanext-spatial reads a GeoJSON geometry from the `spatial` extra.
            let ring = [[box[0], box[1]], [box[2], box[1]], [box[2], box[3]], [box[0], box[3]], [box[0], box[1]]]
            extras.append(("spatial", #"{"type":"Polygon","coordinates":[["# + ring.map { "[\($0[0]),\($0[1])]" }.joined(separator: ",") + "]]}"))
        }
        if let start = metadata.temporal?.start { extras.append(("temporal_start", start)) }
        if let end = metadata.temporal?.end { extras.append(("temporal_end", end)) }
        if !metadata.indicators.livability.isEmpty { extras.append(("livability_indicators", metadata.indicators.livability.joined(separator: ","))) }
        if !metadata.indicators.sdg.isEmpty { extras.append(("sdg", metadata.indicators.sdg.joined(separator: ","))) }
        return extras
    }
}
