import Output
import RecordModel

/// One document as rows of the ``Schema``'s tables: what a store deletes and inserts in one step.
public struct DocumentRows: Sendable {
    /// The key of the document's row and of all its child rows.
    public let sha256: String
    /// Rows per table, parents before children; tables with no rows are left out.
    public private(set) var tables: [(table: Table, rows: [[SQLValue]])] = []

    /// The rows of a record: valid, or written to rejects for its errors (`valid` false).
    public init(record: Record, pipelineVersion: String) {
        sha256 = record.source.sha256
        let source = record.source, document = record.document, organization = document.organization
        let memo = record.memo
        let key = SQLValue.text(sha256)
        add(Schema.documents, [[
            key, .text(source.file), SQLValue(source.bytes), .text(source.format.rawValue), SQLValue(source.pages),
            .text(record.schemaVersion), .text(pipelineVersion), SQLValue(record.validation.valid), .null, .null,
            .text(document.kind.rawValue), SQLValue(document.title), SQLValue(organization.name),
            SQLValue(organization.type), SQLValue(organization.district), SQLValue(organization.province),
            SQLValue(document.fiscalYearBE), SQLValue(memo?.department), SQLValue(memo?.reference),
            SQLValue(memo?.date?.text), SQLValue(memo?.date?.iso), SQLValue(memo?.date?.precision.rawValue),
            SQLValue(memo?.subject), SQLValue(memo?.addressee),
        ]])
        add(Schema.memoEnclosures, (memo?.enclosures ?? []).enumerated().map { [key, SQLValue($0.offset), .text($0.element)] })
        add(Schema.memoReferences, (memo?.references ?? []).enumerated().map { [key, SQLValue($0.offset), .text($0.element)] })
        add(Schema.assessments, record.assessments.enumerated().map { n, a in
            [key, SQLValue(n), SQLValue(a.yearBE), .real(a.score), SQLValue(a.level)] + Self.location(a.at)
        })
        add(Schema.indicatorScores, record.indicatorScores.enumerated().map { n, i in
            [key, SQLValue(n), SQLValue(i.indicator), .text(i.label), SQLValue(i.yearBE), .real(i.score), SQLValue(i.docNumber)]
                + Self.location(i.at)
        })
        add(Schema.toolScores, record.toolScores.enumerated().map { n, t in
            [key, SQLValue(n), .text(t.tool.rawValue), SQLValue(t.part), SQLValue(t.yearBE), .real(t.score)] + Self.location(t.at)
        })
        add(Schema.questionScores, record.questionScores.enumerated().map { n, q in
            [key, SQLValue(n), .text(q.code), SQLValue(q.tool?.rawValue), SQLValue(q.yearBE), .real(q.score), SQLValue(q.text)]
                + Self.location(q.at)
        })
        add(Schema.measures, record.measures.enumerated().map { n, m in
            [
                key, SQLValue(n), .text(m.title), SQLValue(m.indicator), SQLValue(m.issue), SQLValue(m.approach),
                SQLValue(m.period?.text), SQLValue(m.period?.start), SQLValue(m.period?.end), SQLValue(m.monitoring),
                SQLValue(m.status?.rawValue), SQLValue(m.result), SQLValue(m.outcome),
            ] + Self.location(m.at)
        })
        add(Schema.measureSteps, record.measures.enumerated().flatMap { n, m in
            m.steps.enumerated().map { [key, SQLValue(n), SQLValue($0.offset), .text($0.element)] }
        })
        add(Schema.measureResponsible, record.measures.enumerated().flatMap { n, m in
            m.responsible.enumerated().map { [key, SQLValue(n), SQLValue($0.offset), .text($0.element)] }
        })
        add(Schema.signatories, record.signatories.enumerated().map { n, s in
            [key, SQLValue(n), .text(s.name), SQLValue(s.title), SQLValue(s.rank), SQLValue(s.position), SQLValue(s.actingFor)]
                + Self.location(s.at)
        })
        add(Schema.validationIssues, record.validation.issues.enumerated().map { n, i in
            [key, SQLValue(n), .text(i.severity.rawValue), .text(i.code), .text(i.path), .text(i.message)]
        })
    }

    /// The row of a document that gave no record: what failed and why, every record field null. `nil` when
    /// the file could not even be read, so that it has no digest to key a row (its JSON file still says why).
    public init?(failure: DocumentFailure, pipelineVersion: String) {
        guard let digest = failure.sha256 else { return nil }
        sha256 = digest
        add(Schema.documents, [
            [.text(digest), .text(failure.file), SQLValue(failure.bytes), .null, .null, .null, .text(pipelineVersion), .boolean(false),
             .text(failure.stage), .text(failure.reason)] + Array(repeating: .null, count: Schema.documents.columns.count - 10)
        ])
    }

    /// The rows of what the pipeline made of a document; `nil` for a skipped document (already stored) and
    /// for a failure without a digest.
    public init?(_ outcome: DocumentOutcome, pipelineVersion: String) {
        switch outcome {
        case .extracted(let record): self.init(record: record, pipelineVersion: pipelineVersion)
        case .failed(let failure): self.init(failure: failure, pipelineVersion: pipelineVersion)
        case .skipped: return nil
        }
    }

    /// How many rows go into `table`.
    public func count(_ table: Table) -> Int {
        tables.first { $0.table == table }?.rows.count ?? 0
    }

    private mutating func add(_ table: Table, _ rows: [[SQLValue]]) {
        guard !rows.isEmpty else { return }
        precondition(rows.allSatisfy { $0.count == table.columns.count }, "a row of \(table.name) does not fit its columns")
        tables.append((table, rows))
    }

    private static func location(_ at: Location) -> [SQLValue] {
        [SQLValue(at.page), SQLValue(at.line)]
    }
}
