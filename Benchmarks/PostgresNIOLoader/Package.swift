// swift-tools-version:6.0
import PackageDescription

// A loader of a published GeoJSON of points into PostGIS through PostgresNIO's COPY, for the database
// benchmark's comparison with Lumpini's GDAL path only (Benchmarks/README.md, docs/database.md): a
// package of its own, so the product's build and CI never compile PostgresNIO.
let package = Package(
    name: "PostgresNIOLoader",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
    ],
    targets: [
        .executableTarget(
            name: "postgresnio-load",
            dependencies: [.product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log")]
        )
    ],
    swiftLanguageModes: [.v6]
)
