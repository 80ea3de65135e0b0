// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Sarabun",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sarabun", targets: ["sarabun"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
    ],
    targets: [
        // System ICU from Debian's libicu-dev.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // Plain-C facade: its public header includes no ICU header, so it can sit beside Foundation
        // (whose bundled ICU headers clash with the system ones in one Swift module).
        .target(
            name: "ICUShim",
            dependencies: ["CICU"],
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        // The only Swift module that calls ICU.
        .target(name: "ICUBridge", dependencies: ["ICUShim"]),
        .target(name: "RecordModel"),
        .target(name: "Reading", dependencies: ["ICUBridge", "RecordModel"]),
        .target(name: "Normalization", dependencies: ["ICUBridge", "RecordModel"]),
        .target(name: "Segmentation", dependencies: ["Normalization", "RecordModel"]),
        .target(name: "Extraction", dependencies: ["Segmentation", "Normalization", "RecordModel", "ICUBridge"]),
        .target(name: "Validation", dependencies: ["RecordModel"]),
        .target(name: "Output", dependencies: ["RecordModel"]),
        .target(name: "Evaluation", dependencies: ["RecordModel"]),
        .target(
            name: "Pipeline",
            dependencies: [
                "Reading", "Normalization", "Segmentation", "Extraction", "Validation", "Output", "RecordModel",
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ]
        ),
        .executableTarget(
            name: "sarabun",
            dependencies: [
                "Pipeline", "Normalization", "Segmentation", "Reading", "Validation", "Evaluation", "RecordModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ICUBridgeTests", dependencies: ["ICUBridge"]),
        .testTarget(name: "ReadingTests", dependencies: ["Reading"]),
        .testTarget(name: "NormalizationTests", dependencies: ["Normalization"]),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "Normalization"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Segmentation", "Normalization", "RecordModel"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "RecordModel"]),
        .testTarget(name: "OutputTests", dependencies: ["Output", "RecordModel"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "RecordModel"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "RecordModel", "Output"]),
    ],
    swiftLanguageModes: [.v6]
)
