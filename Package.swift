// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Lumpini",
    platforms: [.macOS(.v13)],
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
        .target(
            name: "Lumpini",
            dependencies: [
                "GDAL",
                "LumpiniCore",
                "LumpiniCatalogue",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
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
                "LumpiniCommandLine",
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
        .testTarget(name: "LumpiniTests", dependencies: ["Lumpini", "LumpiniCatalogue", "LumpiniCore", "GDAL"]),
        .testTarget(name: "CLITests", dependencies: ["Lumpini", "LumpiniCommandLine"]),
    ],
    swiftLanguageModes: [.v6]
)
