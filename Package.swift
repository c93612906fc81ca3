// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Lumpini",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lumpini", targets: ["lumpini"]),
        .library(name: "Lumpini", targets: ["Lumpini"]),
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
        .target(name: "GDAL", dependencies: ["CGDAL"]),
        .target(
            name: "Lumpini",
            dependencies: [
                "GDAL",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "lumpini",
            dependencies: [
                "Lumpini",
                "GDAL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GDALTests", dependencies: ["GDAL"]),
        .testTarget(name: "LumpiniTests", dependencies: ["Lumpini", "GDAL"]),
        .testTarget(name: "CLITests", dependencies: ["Lumpini"]),
    ],
    swiftLanguageModes: [.v6]
)
