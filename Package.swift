// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Sarabun",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sarabun", targets: ["sarabun"]),
        .executable(name: "sarabun-pdf", targets: ["sarabun-pdf"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-async-algorithms", from: "1.1.4"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
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
        // The genre's words as data (cue words, grades, organisation types, honorifics, ranks, labels).
        .target(name: "Genre"),
        // System poppler from Debian's libpoppler-glib-dev (documents, rendering through cairo),
        // libpoppler-cpp-dev (glyph boxes with the whole text layer) and libpoppler-private-dev (the core
        // library's output device, for the lines a page draws); only PopplerShim includes them.
        .systemLibrary(name: "CPopplerGlib", pkgConfig: "poppler-glib", providers: [.apt(["libpoppler-glib-dev"])]),
        .systemLibrary(name: "CPopplerCpp", pkgConfig: "poppler-cpp", providers: [.apt(["libpoppler-cpp-dev"])]),
        .systemLibrary(name: "CPopplerCore", pkgConfig: "poppler", providers: [.apt(["libpoppler-private-dev"])]),
        // Plain-C facade (C++ inside): no poppler, glib or cairo header in its public header, no exception out.
        .target(name: "PopplerShim", dependencies: ["CPopplerGlib", "CPopplerCpp", "CPopplerCore"]),
        // Page images: deskew, binarization, speck removal, ruling lines; digits read from their shapes.
        .target(name: "ScanImage"),
        // The only Swift module that calls poppler or tesseract.
        .target(
            name: "PDFText", dependencies: ["Genre", "PopplerShim", "ProcessSpawn", "ScanImage"],
            resources: [.copy("Resources/digit-specimen.pdf")]),
        // glibc's close-every-other-descriptor spawn action, which Swift cannot see without _GNU_SOURCE.
        .target(name: "ProcessSpawn"),
        // Lines, paragraphs and table cells rebuilt from glyph and word boxes.
        // The table grid (rows of slots with spans) that the PDF layout and the HTML parser both give.
        .target(name: "TableModel"),
        .target(name: "PageLayout", dependencies: ["ICUBridge", "Normalization", "TableModel"]),
        // SHA-256 blocks in C: on the CPU's SHA extensions when it has them.
        .target(name: "SHA256Blocks"),
        .target(name: "Reading", dependencies: ["ICUBridge", "RecordModel", "PDFText", "ScanImage", "PageLayout", "TableModel", "SHA256Blocks"]),
        .target(name: "Normalization", dependencies: ["ICUBridge", "RecordModel", "TableModel"]),
        .target(name: "Segmentation", dependencies: ["Genre", "Normalization", "RecordModel", "TableModel"]),
        .target(name: "Extraction", dependencies: ["Genre", "Segmentation", "Normalization", "RecordModel", "ICUBridge"]),
        .target(name: "Validation", dependencies: ["Genre", "RecordModel"]),
        .target(name: "Output", dependencies: ["RecordModel"]),
        .target(name: "Evaluation", dependencies: ["RecordModel"]),
        // Databases: the relational form of a record (schema, migrations, rows) and the sink feeding a store.
        .target(name: "RecordDatabase", dependencies: ["RecordModel", "Output"]),
        // System SQLite from Debian's libsqlite3-dev; only SQLiteStore calls it.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SQLiteStore", dependencies: ["CSQLite", "RecordDatabase"]),
        .target(
            name: "PostgresStore",
            dependencies: ["RecordDatabase", .product(name: "PostgresNIO", package: "postgres-nio")]
        ),
        .target(
            name: "Pipeline",
            dependencies: [
                "Reading", "Normalization", "Segmentation", "Extraction", "Validation", "Output", "RecordModel", "TableModel",
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
            ]
        ),
        .executableTarget(
            name: "sarabun",
            dependencies: [
                "Pipeline", "Normalization", "Segmentation", "Extraction", "Reading", "Validation", "Evaluation", "RecordModel",
                "RecordDatabase", "SQLiteStore", "PostgresStore", "Output", "PDFText", "ScanImage", "TableModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The PDF reader `extract` starts per PDF (isolated, with a time limit); small so that it starts fast.
        .executableTarget(name: "sarabun-pdf", dependencies: ["Reading", "PDFText"]),
        .testTarget(name: "RecordModelTests", dependencies: ["RecordModel"]),
        .testTarget(name: "ICUBridgeTests", dependencies: ["ICUBridge"]),
        .testTarget(name: "ReadingTests", dependencies: ["Reading", "PDFText", "Normalization", "TableModel"]),
        .testTarget(name: "PDFTextTests", dependencies: ["PDFText", "ScanImage"]),
        .testTarget(name: "ScanImageTests", dependencies: ["ScanImage"]),
        .testTarget(name: "PageLayoutTests", dependencies: ["PageLayout", "TableModel"]),
        .testTarget(name: "NormalizationTests", dependencies: ["Normalization"]),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "Normalization", "TableModel"]),
        .testTarget(name: "ExtractionTests", dependencies: ["Extraction", "Genre", "Segmentation", "Normalization", "RecordModel"]),
        .testTarget(name: "ValidationTests", dependencies: ["Validation", "RecordModel"]),
        .testTarget(name: "OutputTests", dependencies: ["Output", "RecordModel"]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "RecordModel"]),
        .testTarget(name: "PipelineTests", dependencies: ["Pipeline", "RecordModel", "Output", "Reading", "PDFText", "Genre", "Validation"]),
        .testTarget(name: "RecordDatabaseTests", dependencies: ["RecordDatabase", "RecordModel", "Output"]),
        // Checks every store must pass (corpus counts, README queries, replace, resume, kill -9), shared by
        // the SQLite and PostgreSQL test targets.
        .target(
            name: "StoreTestSupport",
            dependencies: ["RecordDatabase", "RecordModel", "Output", "Pipeline", "Reading"],
            path: "Tests/StoreTestSupport"
        ),
        .testTarget(name: "SQLiteStoreTests", dependencies: ["SQLiteStore", "StoreTestSupport", "RecordDatabase"]),
        .testTarget(name: "PostgresStoreTests", dependencies: ["PostgresStore", "StoreTestSupport", "RecordDatabase", "RecordModel"]),
    ],
    swiftLanguageModes: [.v6]
)
