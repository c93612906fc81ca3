import Hummingbird

/// An action's failure as CKAN answers it: `{"success": false, "error": {"__type": …, "message": …}}`
/// with CKAN's status codes, so that `ckanapi` raises its `NotFound`, `ValidationError` and
/// `SearchQueryError` for them.
struct CKANError: Error {
    let status: HTTPResponse.Status
    let error: [String: JSONNode]

    static func notFound(_ message: String) -> CKANError {
        CKANError(status: .notFound, error: ["__type": "Not Found Error", "message": .string("Not found: \(message)")])
    }

    /// A parameter that is missing or wrong: CKAN names the field and what is wrong with it.
    static func validation(_ field: String, _ message: String) -> CKANError {
        var error: [String: JSONNode] = ["__type": "Validation Error"]
        error[field] = [.string(message)]
        return CKANError(status: .conflict, error: error)
    }

    static func searchQuery(_ message: String) -> CKANError {
        CKANError(status: .conflict, error: ["__type": "Search Query Error", "message": .string("Search error: \(message)")])
    }

    static func unknownAction(_ name: String) -> CKANError {
        CKANError(status: .badRequest, error: ["__type": "Bad Request", "message": .string("Bad request - Action name not known: \(name)")])
    }

    static func badRequest(_ message: String) -> CKANError {
        CKANError(status: .badRequest, error: ["__type": "Bad Request", "message": .string(message)])
    }
}

