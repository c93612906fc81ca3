// swift-tools-version:6.0
// libFuzzer targets for the parsers Lumpini writes itself. A separate package, so `swift build` and
// `swift test` of Lumpini never see them. Build and run with `make fuzz` (docs/reliability.md):
//   swift build -Xswiftc -sanitize=fuzzer,address
import PackageDescription

let targets = [
    "FuzzEncoding", "FuzzValueClassifier", "FuzzDatasetYAML", "FuzzPrivacyScanner", "FuzzDistrictMatch",
    "FuzzCSVReader", "FuzzTableSchema", "FuzzThaiDates", "FuzzAgencyNumber",
]

let package = Package(
    name: "LumpiniFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Lumpini", path: "..")],
    targets: [
        .target(name: "CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzDriver"]),
    ] + targets.map { name in
        .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "Lumpini", package: "Lumpini")])
    },
    swiftLanguageModes: [.v6]
)
