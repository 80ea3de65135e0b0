// sarabun-pdf: the read stage's PDF helper. Reads one PDF and prints its pages (or why it could not) as
// JSON (`PDFHelperOutput`); with --serve, answers one request line (a path as a JSON string) after
// another (`PDFHelpers`). `sarabun extract` keeps such helpers as child processes, so that a document that
// makes poppler or tesseract hang is killed at its time limit and the run goes on. A program of its own,
// without the database and command-line libraries, so that it starts faster than `sarabun read-pdf`.
//
// Usage: sarabun-pdf [--ocr-timeout SECONDS] [--dpi DPI] [--lang LANGUAGES] [--ocr auto|force|off] (--serve | FILE)

import Foundation
import PDFText
import Reading

var ocrTimeout = 60.0
var dpi = 300
var languages = "tha+eng"
var mode = OCRMode.auto
var file: String?
var serve = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--ocr-timeout": ocrTimeout = arguments.popFirst().flatMap(Double.init) ?? ocrTimeout
    case "--dpi": dpi = arguments.popFirst().flatMap(Int.init) ?? dpi
    case "--lang": languages = arguments.popFirst() ?? languages
    case "--ocr": mode = arguments.popFirst().flatMap(OCRMode.init(rawValue:)) ?? mode
    case "--serve": serve = true
    default: file = argument
    }
}
if serve {
    PDFHelpers.serve(ocr: OCREngine(languages: languages, timeout: ocrTimeout), dpi: dpi, mode: mode)
    exit(0)
}
guard let file else {
    FileHandle.standardError.write(Data("usage: sarabun-pdf [--ocr-timeout SECONDS] [--dpi DPI] [--lang LANGUAGES] [--ocr auto|force|off] (--serve | FILE)\n".utf8))
    exit(2)
}
let result = PDFReader.read(path: file, ocr: OCREngine(languages: languages, timeout: ocrTimeout), dpi: dpi, mode: mode)
FileHandle.standardOutput.write(try JSONEncoder().encode(PDFHelperOutput(result)))
