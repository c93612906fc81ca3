import Foundation
import Hummingbird

/// The CKAN Action API, read-only, under `/api/3/action/` and `/api/action/`, by GET and POST:
/// packages as the catalogue's CKAN export writes them (`CKANPackage`, one code path), in CKAN's
/// envelope `{"help", "success", "result"}`.
struct CKANActionAPI {
    let sources: RequestSources
    private static let actionNameCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_-"))

    func add(to router: Router<BasicRequestContext>) {
        for prefix in ["/api/3/action", "/api/action"] {
            router.get(RouterPath("\(prefix)/:action")) { request, context in await answer(request, context) }
            router.post(RouterPath("\(prefix)/:action")) { request, context in await answer(request, context) }
        }
    }

    private func answer(_ request: Request, _ context: BasicRequestContext) async -> Response {
        let name = context.parameters.get("action") ?? ""
        let help = JSONNode.string("\(sources.baseURL(request))/api/3/action/help_show?name=\(name.addingPercentEncoding(withAllowedCharacters: Self.actionNameCharacters) ?? "")")
        do {
            let parameters = try await CKANParameters.read(request)
            let result = try action(name, parameters, request)
            return .json(JSONNode.object(["help": help, "success": .bool(true), "result": result]).json(pretty: false))
        } catch let error as CKANError {
            return .json(JSONNode.object(["help": help, "success": .bool(false), "error": .object(error.error)]).json(pretty: false), status: error.status)
        } catch let error as LumpiniError where error.code == "catalogue-missing" {
            let failure = CKANError(status: .serviceUnavailable, error: ["__type": "Internal Error", "message": .string(error.description)])
            return .json(JSONNode.object(["help": help, "success": .bool(false), "error": .object(failure.error)]).json(pretty: false), status: failure.status)
        } catch {
            let failure = CKANError(status: .internalServerError, error: ["__type": "Internal Error", "message": .string("\(error)")])
            return .json(JSONNode.object(["help": help, "success": .bool(false), "error": .object(failure.error)]).json(pretty: false), status: failure.status)
        }
    }

    private func action(_ name: String, _ parameters: CKANParameters, _ request: Request) throws -> JSONNode {
        let settings = sources.exportSettings(request)
        let ckan = CKANPackage(settings: settings)
        switch name {
        case "status_show":
            return [
                "ckan_version": "2.10.4", "api_version": .integer(3), "site_url": .string(settings.baseURL),
                "site_title": .string(settings.title.th ?? settings.title.en ?? ""), "site_description": .string(settings.description.en ?? ""),
                "locale_default": "th", "extensions": ["lumpini"],
            ]
        case "package_list":
            let limit = try parameters.integer("limit", default: Int(Int32.max), in: 0...Int(Int32.max))
            let offset = try parameters.integer("offset", default: 0, in: 0...Int(Int32.max))
            return .array(try sources.catalogue().list().map(\.id).dropFirst(offset).prefix(limit).map(JSONNode.string))
        case "package_show":
            return ckan.package(try dataset(try parameters.required("id")))
        case "package_search":
            return try CKANPackageSearch(catalogue: sources.catalogue(), ckan: ckan).result(parameters)
        case "resource_show":
            let id = try parameters.required("id")
            guard let slash = id.firstIndex(of: "/"), let detail = try? dataset(String(id[..<slash])),
                let resource = ckan.resources(detail).first(where: { $0.member("id") == .string(id) })
            else { throw CKANError.notFound("Resource was not found.") }
            return resource
        case "organization_list", "group_list":
            return try namedList(organizations: name == "organization_list", parameters, ckan)
        case "organization_show", "group_show":
            return try namedShow(organizations: name == "organization_show", parameters, ckan)
        case "tag_list":
            var tags = Set<String>()
            for detail in try sources.datasets(ids: sources.catalogue().list().map(\.id)) {
                tags.formUnion(CKANPackage.tags(detail.metadata))
            }
            let query = parameters["query"]?.lowercased()
            return .array(tags.filter { query == nil || $0.lowercased().contains(query!) }.sorted().map(JSONNode.string))
        default:
            throw CKANError.unknownAction(name)
        }
    }

    private func dataset(_ id: String) throws -> DatasetDetail {
        guard let detail = try sources.dataset(id: id) else { throw CKANError.notFound("Dataset was not found.") }
        return detail
    }

    /// Publishers (organisations) or themes (groups) with datasets, by name.
    private func counts(organizations: Bool) throws -> [(code: String, count: Int)] {
        var counts: [String: Int] = [:]
        for summary in try sources.catalogue().list() { counts[organizations ? summary.publisher : summary.theme, default: 0] += 1 }
        return counts.map { ($0.key, $0.value) }.sorted { $0.code.lowercased() < $1.code.lowercased() }
    }

    private func namedList(organizations: Bool, _ parameters: CKANParameters, _ ckan: CKANPackage) throws -> JSONNode {
        let all = try counts(organizations: organizations)
        if parameters.flag("all_fields") {
            return .array(all.map { organizations ? ckan.organization($0.code, packageCount: $0.count) : ckan.group($0.code, packageCount: $0.count) })
        }
        return .array(all.map { .string(organizations ? $0.code.lowercased() : $0.code) })
    }

    private func namedShow(organizations: Bool, _ parameters: CKANParameters, _ ckan: CKANPackage) throws -> JSONNode {
        let id = try parameters.required("id")
        guard let found = try counts(organizations: organizations).first(where: { $0.code.caseInsensitiveCompare(id) == .orderedSame }) else {
            throw CKANError.notFound(organizations ? "Organization was not found." : "Group was not found.")
        }
        var object = organizations ? ckan.organization(found.code, packageCount: found.count) : ckan.group(found.code, packageCount: found.count)
        if parameters["include_datasets"].map({ $0.lowercased() != "false" }) ?? true {
            let members = try sources.catalogue().list().filter { (organizations ? $0.publisher : $0.theme) == found.code }.prefix(1_000)
            let packages = try sources.datasets(ids: members.map(\.id)).map(ckan.package)
            object = object.adding("packages", .array(packages))
        }
        return object
    }
}
