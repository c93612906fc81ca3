// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Lumpini",
    // macOS 15: the server's caches use the standard library's Mutex and Atomic (Synchronization).
    platforms: [.macOS(.v15)],
    products: [
        // `lumpini` is the command people type: it answers `lumpini catalog …` queries itself, without
        // loading GDAL, and hands every other command to `lumpini-engine` beside it (docs/ARCHITECTURE.md).
        .executable(name: "lumpini", targets: ["lumpini"]),
        .executable(name: "lumpini-engine", targets: ["lumpini-engine"]),
        .library(name: "Lumpini", targets: ["Lumpini"]),
        .library(name: "LumpiniCatalogue", targets: ["LumpiniCatalogue"]),
        .library(name: "LumpiniCore", targets: ["LumpiniCore"]),
        .library(name: "GDAL", targets: ["GDAL"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev", "libgeos-dev", "libproj-dev"])]
        ),
        .target(name: "GeoTypes"),
        .target(name: "GDAL", dependencies: ["CGDAL", "GeoTypes"]),
        .target(
            name: "LumpiniCore",
            dependencies: ["GeoTypes", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(
            name: "LumpiniCatalogue",
            dependencies: [
                "LumpiniCore", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's C API, to print long listings straight from the rows (SummaryRow).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The stages, each a target that imports only the one before it (and what that one re-exports),
        // so the compiler keeps the flow: package → ingest → cleanse → validate → privacy → publish.
        .target(
            name: "LumpiniPackage",
            dependencies: ["GDAL", "LumpiniCore", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "LumpiniIngest", dependencies: ["LumpiniPackage", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(name: "LumpiniCleanse", dependencies: ["LumpiniIngest"]),
        // Derived datasets (indicators by district): computed from published files read as ingest reads
        // sources, on GDAL and GEOS; the pipeline hands their rows to cleansing and validation as a source.
        .target(name: "LumpiniDerive", dependencies: ["LumpiniIngest"]),
        .target(name: "LumpiniValidate", dependencies: ["LumpiniCleanse"]),
        .target(name: "LumpiniPrivacy", dependencies: ["LumpiniValidate"]),
        .target(name: "LumpiniPublish", dependencies: ["LumpiniValidate", .product(name: "Crypto", package: "swift-crypto")]),
        // The GIS database: published versions loaded into PostgreSQL/PostGIS (docs/database.md). After
        // publishing, as it reads what a release published; GDAL's PostgreSQL driver does the loading.
        .target(name: "LumpiniDatabase", dependencies: ["LumpiniPublish", "GDAL"]),
        // The pipeline over the stages (cleanse → validate → privacy for publishing), `new` and `check`,
        // and the catalogue's update after a release; re-exports every stage, so `import Lumpini` is the library.
        .target(
            name: "Lumpini",
            dependencies: ["LumpiniPrivacy", "LumpiniPublish", "LumpiniCatalogue", "LumpiniDerive"]
        ),
        // `lumpini serve`: the public tree over HTTP, with OGC API – Features and the CKAN Action API;
        // reads the public tree and the catalogue, never writes them (docs/serve.md).
        .target(
            name: "LumpiniServe",
            dependencies: [
                "LumpiniCatalogue", .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The public face: a static bilingual site built from the public tree and its catalogue; no GDAL.
        .target(name: "LumpiniSite", dependencies: ["LumpiniCatalogue"]),
        .target(
            name: "LumpiniCommandLine",
            dependencies: ["LumpiniCatalogue", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "lumpini",
            dependencies: ["LumpiniCommandLine", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "lumpini-engine",
            dependencies: [
                "Lumpini",
                "LumpiniDatabase",
                "LumpiniCommandLine",
                "LumpiniServe",
                "LumpiniSite",
                "GDAL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Generated catalogues of many datasets, for measuring the catalogue (Benchmarks/README.md).
        .executableTarget(
            name: "lumpini-catalogue-generator",
            dependencies: ["LumpiniCatalogue", "LumpiniCommandLine", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Benchmarks/CatalogueGenerator"
        ),
        .testTarget(name: "GDALTests", dependencies: ["GDAL"]),
        // What several test targets share: the reference tools (Python) that conformance tests run.
        .target(name: "TestSupport", path: "Tests/Support"),
        .testTarget(
            name: "LumpiniTests",
            dependencies: [
                "Lumpini", "LumpiniPackage", "LumpiniIngest", "LumpiniDerive", "LumpiniCleanse", "LumpiniValidate", "LumpiniPrivacy", "LumpiniPublish",
                "LumpiniCatalogue", "LumpiniCore", "LumpiniSite", "LumpiniServe", "GDAL", "TestSupport",
            ]
        ),
        .testTarget(name: "CLITests", dependencies: ["Lumpini", "LumpiniCommandLine", "LumpiniDatabase", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
