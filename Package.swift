// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "cadre",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cadre", targets: ["cadre"]),
        .library(name: "Cadre", targets: ["Cadre"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(
            name: "Cadre",
            dependencies: [
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Print/weasyprint_worker.py"), .copy("Print/pdf_structure.py"), .copy("Print/layout_passes.py")]
        ),
        // The live preview (`cadre serve`): kept apart so that the library does not pull in the HTTP stack.
        .target(
            name: "CadreServe",
            dependencies: [
                "Cadre",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]
        ),
        // L'atelier (`cadre atelier`): the collectivités' web workspace, with its accounts and database.
        .target(
            name: "CadreAtelier",
            dependencies: [
                "Cadre",
                "CadreServe",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "cadre",
            dependencies: [
                "Cadre",
                "CadreServe",
                "CadreAtelier",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "CadreTests",
            dependencies: ["Cadre"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CadreServeTests",
            dependencies: ["CadreServe", "Cadre"]
        ),
        .testTarget(
            name: "CadreAtelierTests",
            dependencies: ["CadreAtelier", "Cadre"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
