/// A table drawn with ruling lines: its rows, read cell by cell from the grid the lines make.
struct GridTable {
    var top: Double
    var rows: [Row]
}

/// Tables whose borders are known (ruling lines found in a page image): the horizontal lines bound the
/// rows, the vertical lines inside the table bound the columns, and each text line belongs to the row
/// band it sits in. More certain than gutters where OCR boxes are rough and cells touch.
enum GridTables {
    /// How far ruling lines may miss each other and still meet, in points.
    static let slack = 3.0

    /// The tables `rulings` draw among `lines`, and the lines outside them.
    static func tables(_ rulings: [Ruling], lines: [Line]) -> (tables: [GridTable], rest: [Line]) {
        let across = rulings.filter(\.horizontal).sorted { $0.position < $1.position }
        let down = rulings.filter { !$0.horizontal }
        guard across.count >= 2, !down.isEmpty else { return ([], lines) }

        // Consecutive horizontal lines joined by a vertical one that spans both are one table's.
        var groups: [[Ruling]] = []
        for rule in across {
            if let previous = groups.last?.last,
                down.contains(where: { v in
                    v.start <= previous.position + slack && v.end >= rule.position - slack
                        && v.position >= max(previous.start, rule.start) - slack && v.position <= min(previous.end, rule.end) + slack
                })
            {
                groups[groups.count - 1].append(rule)
            } else {
                groups.append([rule])
            }
        }

        var tables: [GridTable] = []
        var used = Set<Int>()
        for group in groups where group.count >= 2 {
            let left = group.map(\.start).min()!
            let right = group.map(\.end).max()!
            let top = group.first!.position
            let bottom = group.last!.position
            var boundaries: [Double] = []
            for v in down.sorted(by: { $0.position < $1.position })
            where v.position > left + slack && v.position < right - slack && v.start < bottom - slack && v.end > top + slack {
                if let last = boundaries.last, v.position - last < slack { continue }
                boundaries.append(v.position)
            }
            var rows: [Row] = []
            for (upper, lower) in zip(group, group.dropFirst()) {
                let band = lines.indices.filter { k in
                    let line = lines[k]
                    return !used.contains(k) && line.box.midY > upper.position && line.box.midY < lower.position
                        && line.box.x0 >= left - slack && line.box.x1 <= right + slack
                }
                guard !band.isEmpty else { continue }
                used.formUnion(band)
                let bandLines = band.map { lines[$0] }
                rows.append(Row(
                    cells: Tables.cells(of: bandLines, boundaries: boundaries), lineCount: bandLines.count,
                    bottom: bandLines.last!.box.y1, height: bandLines.last!.height,
                    firstColumns: Tables.columns(of: bandLines.first!, boundaries),
                    lastColumns: Tables.columns(of: bandLines.last!, boundaries)))
            }
            if !rows.isEmpty { tables.append(GridTable(top: top, rows: rows)) }
        }
        let rest = lines.indices.filter { !used.contains($0) }.map { lines[$0] }
        return (tables, rest)
    }
}
