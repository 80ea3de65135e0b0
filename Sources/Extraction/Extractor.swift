import Foundation
import Genre
import Normalization
import RecordModel
import Segmentation

/// What the extract stage found in one document; the pipeline adds `source` and validation.
public struct Extraction: Sendable {
    public var document: DocumentInfo
    public var memo: Memo?
    public var assessments: [Assessment] = []
    public var indicatorScores: [IndicatorScore] = []
    public var toolScores: [ToolScore] = []
    public var questionScores: [QuestionScore] = []
    public var measures: [Measure] = []
    public var signatories: [Signatory] = []
    public var issues: [ValidationIssue] = []
}

/// The extract stage: rule-based parsers over the normalized lines and the segmenter's blocks.
public struct Extractor: Sendable {
    private let dates = ThaiDateReader()
    private let organizations = OrganizationFinder()
    private let scores = ScoreExtractor()
    private let signatories = SignatoryParser()
    private let measures = MeasureExtractor()
    private let titles = ReportTitle()

    public init() {}

    public func extract(lines: [TextLine], blocks: [Block]) -> Extraction {
        let memo = memoHeader(blocks)
        let title = memo == nil ? titles.title(blocks) : memo?.subject
        let headerText = [memo?.department, memo?.subject, title].compactMap { $0 }
        let (organization, stray) = organizations.find(lines: lines, headerText: headerText)
        let document = DocumentInfo(
            kind: memo == nil ? .report : .memo,
            title: title,
            organization: organization,
            fiscalYearBE: title.flatMap(FiscalYear.find))
        var extraction = Extraction(document: document, memo: memo)
        if let stray, let name = organization.name {
            extraction.issues.append(ValidationIssue(
                severity: .warning, code: "organization_mismatch", path: "/document/organization/name",
                message: "Line \(stray.line.line) also names \(stray.name); the document is about \(name)"))
        }
        let found = scores.extract(blocks)
        extraction.assessments = found.assessments
        extraction.indicatorScores = found.indicators
        extraction.toolScores = found.tools
        extraction.questionScores = found.questions
        extraction.issues += found.issues
        extraction.measures = measures.extract(blocks)
        for block in blocks {
            if case .signature(let signature) = block, let person = signatories.parse(signature) {
                if person.position == nil {
                    extraction.issues.append(ValidationIssue(
                        severity: .warning, code: "missing_position",
                        path: "/signatories/\(extraction.signatories.count)/position",
                        message: "The signature block of \(person.name) (line \(person.at.line)) has no position line"))
                }
                extraction.signatories.append(person)
            }
        }
        return extraction
    }

    /// Every candidate number of the document's prose and what the score reader made of it (taken as
    /// which item, or refused by which rule), in line order, for `sarabun explain`.
    public func explainScores(blocks: [Block]) -> [ScoreDecision] {
        var explaining = scores
        explaining.explaining = true
        return explaining.extract(blocks).decisions.sorted { $0.at < $1.at }
    }

    /// The memo header, when the document opens with บันทึกข้อความ and at least two of its fields.
    func memoHeader(_ blocks: [Block]) -> Memo? {
        var fields: [HeaderField] = []
        var sawTitle = false
        for block in blocks {
            switch block {
            case .memoTitle: sawTitle = true
            case .headerField(let field): fields.append(field)
            default: continue
            }
        }
        let core: Set<HeaderField.Key> = [.department, .reference, .date, .subject]
        guard sawTitle, Set(fields.map(\.key)).intersection(core).count >= 2 else { return nil }

        var memo = Memo()
        for field in fields {
            let text = joined(field.lines)
            switch field.key {
            case .department: memo.department = memo.department ?? text.flatMap(Self.department)
            case .reference: memo.reference = memo.reference ?? text.map(Self.reference)
            case .date:
                if memo.date == nil, let text {
                    let reading = dates.read(text)
                    memo.date = reading.map { MemoDate(text: text, iso: $0.iso, precision: $0.precision) }
                }
            case .subject: memo.subject = memo.subject ?? text
            case .addressee: memo.addressee = memo.addressee ?? text
            case .enclosures: memo.enclosures += items(field.lines)
            case .references: memo.references += items(field.lines)
            }
        }
        return memo
    }

    /// The unit named after ส่วนราชการ, without the telephone number the form puts on the same line
    /// ("กองคลัง โทร. 0 4327 4000").
    static func department(_ text: String) -> String? {
        var unit = Substring(text)
        for marker in Genre.telephoneMarkers {
            if let range = unit.find(marker), range.lowerBound > unit.startIndex { unit = unit[..<range.lowerBound] }
        }
        let trimmed = unit.trimmed()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// "รอ 56101/ 77" is "รอ 56101/77": no spaces around the slash, a trailing slash kept.
    static func reference(_ text: String) -> String {
        var out = ""
        for c in text {
            if c == "/" { while out.hasSuffix(" ") { out.removeLast() } }
            if c == " " && out.hasSuffix("/") { continue }
            out.append(c)
        }
        return out
    }

    /// The items of an enclosure or reference field: one per line, list numbers removed.
    private func items(_ lines: [TextLine]) -> [String] {
        lines.compactMap { line in
            let text = CellText.clean(line.text)
            let item = ListMarker.strip(text)
            return item.isEmpty ? nil : item
        }
    }

    private func joined(_ lines: [TextLine]) -> String? {
        let text = CellText.clean(lines.map(\.text).joined(separator: " "))
        return text.isEmpty ? nil : text
    }
}

/// Leading list markers: "1.", "1)", "(1)", "-", "•".
enum ListMarker {
    static func strip(_ text: String) -> String {
        guard let length = length(text) else { return text.trimmed() }
        return Substring(text.utf8.dropFirst(length)).trimmed()
    }

    /// Whether the text opens with a list marker.
    static func isItem(_ text: String) -> Bool { length(text) != nil }

    /// The marker's length in bytes (every marker is ASCII but "•"); on bytes, as every prose line asks.
    private static func length(_ text: String) -> Int? {
        let b = text.utf8
        guard let first = b.first else { return nil }
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        if first == UInt8(ascii: "-") { return 1 }
        if b.starts(with: [0xE2, 0x80, 0xA2]) { return 3 }
        if first == UInt8(ascii: "(") {
            let digits = b.dropFirst().prefix(while: isDigit).count
            return digits > 0 && b.dropFirst(1 + digits).first == UInt8(ascii: ")") ? 2 + digits : nil
        }
        let digits = b.prefix(while: isDigit).count
        guard digits > 0, digits <= 2, let next = b.dropFirst(digits).first, next == UInt8(ascii: ".") || next == UInt8(ascii: ")")
        else { return nil }
        // "1.5 ล้านบาท" is a number, not a marker.
        if let after = b.dropFirst(digits + 1).first, isDigit(after) { return nil }
        return digits + 1
    }
}
