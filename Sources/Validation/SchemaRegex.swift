/// A regular expression in the subset of ECMA-262 (with the `u` flag: code points, not UTF-16 units) that JSON
/// Schema's `pattern` needs, compiled once to a small program and run on a string's UTF-8 bytes.
///
/// Supported: literals, `.`, `^` and `$` (start and end of input only), the escapes `\uXXXX`, `\n \r \t \f \v \0`,
/// `\d \D \w \W \s \S` and escaped syntax characters, classes `[...]` and `[^...]` with ranges, groups `(...)` and
/// `(?:...)` (nothing is captured), `|`, the quantifiers `* + ? {n} {n,} {n,m}` and their lazy forms, and the
/// lookaheads `(?=...)` and `(?!...)`. Everything else (backreferences, lookbehind, named groups, `\b`, `\p{...}`,
/// flags) is refused when compiling, as is anything malformed, so that no pattern is silently read otherwise
/// than an ECMA-262 engine would read it.
///
/// Matching is a search (as `pattern` asks: a match anywhere in the string) by a backtracking machine that
/// remembers failed states, so it takes time linear in text length × program size; see `Machine`.
struct SchemaRegex: Sendable {
    /// Why a pattern was refused: what is wrong, and where, in code points from the pattern's start.
    struct SyntaxError: Error, CustomStringConvertible {
        let message: String
        let offset: Int

        var description: String { "\(message) at offset \(offset)" }
    }

    /// Programs longer than this are refused: a call's memory grows with text bytes × instructions.
    static let maximumInstructions = 2000

    private let instructions: [Instruction]
    /// Where the main program starts.
    private let start: Int32
    /// How many instructions have remembered states (`Instruction.slot`).
    private let slots: Int
    /// How many instructions may put a frame on the machine's path: those with slots, and splits.
    private let framed: Int
    /// Every class of the program, as `ScalarSet.encode` lays them out.
    private let classes: [UInt64]
    /// Whether the program starts with `^`, so that the search need not try later start positions.
    private let anchored: Bool

    init(_ source: String) throws(SyntaxError) {
        var parser = Parser(source)
        let tree = try parser.parse()
        var assembler = Assembler()
        start = try assembler.assemble(tree)
        instructions = assembler.instructions
        slots = instructions.filter { $0.slot >= 0 }.count
        framed = instructions.filter { $0.slot >= 0 || $0.operation == .split }.count
        anchored = instructions[Int(start)].operation == .atStart
        classes = assembler.classes
    }

    /// Whether the pattern matches somewhere in `text`.
    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            instructions.withUnsafeBufferPointer { code in
                classes.withUnsafeBufferPointer { classes in
                    // Two bits per remembered state; each state puts at most one frame on the path.
                    let words = ((bytes.count + 1) * slots + 31) / 32
                    return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words) { memo in
                        let frames = (bytes.count + 1) * framed
                        return withUnsafeTemporaryAllocation(of: Machine.Frame.self, capacity: frames) { path in
                            var machine = Machine(
                                code: code, slots: slots, classes: classes, text: bytes,
                                memo: memo, path: path
                            )
                            if anchored { return machine.reaches(start, at: 0, remember: false) }
                            var position = 0
                            while true {
                                if machine.reaches(start, at: position, remember: false) { return true }
                                if position == bytes.count { return false }
                                position += scalarLength(bytes[position])
                            }
                        }
                    }
                }
            }
        }
    }
}

// MARK: - Program

/// One step of the program.
private struct Instruction {
    enum Operation: UInt8 {
        /// Reads one code point of the class at `argument` (an offset into the classes), then goes to `next`.
        case consume
        /// Goes to `next` if the code point here is (`peek`) or is not (`negativePeek`) in class `argument`,
        /// reading nothing: a lookahead of one class, without a sub-program.
        case peek, negativePeek
        /// Goes to `argument`, and, if that fails, to `next`.
        case split
        /// A split between two consumes of disjoint classes, whose slotless states it skips: reads one code point
        /// and goes on as the consume whose class holds it. Never needs to come back.
        case dispatch
        case atStart, atEnd
        /// Goes to `next` if the sub-program at `argument` matches here (or, negated, does not), reading nothing.
        case lookahead, negativeLookahead
        /// The program (or a lookahead's sub-program) has matched.
        case match
    }

    var operation: Operation
    /// For an instruction entered along more than one edge, its index among those: the machine remembers the
    /// outcome of its states. -1 for the others.
    var slot: Int32 = -1
    var argument: Int32 = 0
    var next: Int32 = 0

    /// The instructions control can go to from here.
    var successors: [Int32] {
        switch operation {
        case .consume, .peek, .negativePeek, .atStart, .atEnd: [next]
        case .split, .dispatch, .lookahead, .negativeLookahead: [argument, next]
        case .match: []
        }
    }
}

/// The byte count of the UTF-8 sequence that `lead` starts.
@inline(__always)
private func scalarLength(_ lead: UInt8) -> Int {
    lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
}

/// One call's run of the program: a depth-first search over states (instruction, byte offset).
///
/// The program has no loop that can come back to an instruction without reading (see `Node.nonEmpty`), so the
/// states form a graph without cycles, and a state left without reaching `match` has failed for good (there are
/// no backreferences). The machine remembers that for every state of an instruction with a slot; a state of
/// any other instruction has a single predecessor state, so it is entered at most once anyway. Every state is
/// thus run at most once per call. States with slots that are on the path when a lookahead's sub-program
/// matches are remembered as leading to `match`, so that evaluations of the lookahead at other offsets reuse
/// them instead of scanning again.
private struct Machine {
    /// A state on the current path: a split (to try its second target on failure) or a state with a slot.
    struct Frame {
        var pc: Int32
        var secondTried: Bool
        var position: Int
    }

    static let unknown: UInt64 = 0
    static let failed: UInt64 = 1
    static let succeeded: UInt64 = 2

    let code: UnsafeBufferPointer<Instruction>
    let slots: Int
    let classes: UnsafeBufferPointer<UInt64>
    let text: UnsafeBufferPointer<UInt8>
    /// Two bits per (offset, slot): `unknown`, `failed` or `succeeded`. Cleared on the first write only: a run
    /// that never leaves a remembered state (the usual successful one) reads and writes none of it.
    let memo: UnsafeMutableBufferPointer<UInt64>
    var memoInUse = false
    let path: UnsafeMutableBufferPointer<Frame>
    var depth = 0

    init(
        code: UnsafeBufferPointer<Instruction>, slots: Int, classes: UnsafeBufferPointer<UInt64>,
        text: UnsafeBufferPointer<UInt8>, memo: UnsafeMutableBufferPointer<UInt64>, path: UnsafeMutableBufferPointer<Frame>
    ) {
        self.code = code
        self.slots = slots
        self.classes = classes
        self.text = text
        self.memo = memo
        self.path = path
    }

    @inline(__always)
    private func outcome(_ slot: Int32, at position: Int) -> UInt64 {
        guard memoInUse else { return Self.unknown }
        let state = position * slots + Int(slot)
        return memo[state >> 5] >> UInt64((state & 31) << 1) & 3
    }

    @inline(__always)
    private mutating func remember(_ outcome: UInt64, _ slot: Int32, at position: Int) {
        if !memoInUse {
            memo.initialize(repeating: 0)
            memoInUse = true
        }
        let state = position * slots + Int(slot)
        memo[state >> 5] |= outcome << UInt64((state & 31) << 1)
    }

    /// Whether `match` can be reached from instruction `entry` at byte offset `position`. `remember`: whether to
    /// record the states leading to `match` (only worth it in a sub-program, whose run can be asked again).
    mutating func reaches(_ entry: Int32, at position: Int, remember: Bool) -> Bool {
        let base = depth
        var pc = Int(entry)
        var position = position
        while true {
            let instruction = code[pc]
            var blocked = false
            if instruction.slot >= 0 {
                switch outcome(instruction.slot, at: position) {
                case Self.succeeded: return succeed(from: base, remember: remember)
                case Self.failed: blocked = true
                default: push(pc, at: position)
                }
            } else if instruction.operation == .split {
                push(pc, at: position)
            }
            if !blocked {
                switch instruction.operation {
                case .consume:
                    if position < text.count {
                        let (scalar, length) = decode(at: position)
                        if contains(scalar, instruction.argument) {
                            position += length
                            pc = Int(instruction.next)
                            continue
                        }
                    }
                case .peek, .negativePeek:
                    let holds = position < text.count && contains(decode(at: position).0, instruction.argument)
                    if holds == (instruction.operation == .peek) {
                        pc = Int(instruction.next)
                        continue
                    }
                case .split:
                    pc = Int(instruction.argument)
                    continue
                case .dispatch:
                    if position < text.count {
                        let (scalar, length) = decode(at: position)
                        let first = code[Int(instruction.argument)]
                        let second = code[Int(instruction.next)]
                        let next =
                            contains(scalar, first.argument) ? first.next
                            : contains(scalar, second.argument) ? second.next : -1
                        if next >= 0 {
                            position += length
                            pc = Int(next)
                            continue
                        }
                    }
                case .atStart, .atEnd:
                    if position == (instruction.operation == .atStart ? 0 : text.count) {
                        pc = Int(instruction.next)
                        continue
                    }
                case .lookahead, .negativeLookahead:
                    let holds = reaches(instruction.argument, at: position, remember: true)
                    if holds == (instruction.operation == .lookahead) {
                        pc = Int(instruction.next)
                        continue
                    }
                case .match:
                    return succeed(from: base, remember: remember)
                }
            }
            // Back to the latest split whose second target is untried; states left on the way have failed.
            while true {
                guard depth > base else { return false }
                let frame = path[depth - 1]
                let left = code[Int(frame.pc)]
                if left.operation == .split, !frame.secondTried {
                    if left.slot >= 0 { path[depth - 1].secondTried = true } else { depth -= 1 }
                    pc = Int(left.next)
                    position = frame.position
                    break
                }
                depth -= 1
                if left.slot >= 0 { self.remember(Self.failed, left.slot, at: frame.position) }
            }
        }
    }

    @inline(__always)
    private mutating func push(_ pc: Int, at position: Int) {
        path[depth] = Frame(pc: Int32(pc), secondTried: false, position: position)
        depth += 1
    }

    /// Leaves the path from `base` on after reaching `match`, first recording its states if asked.
    private mutating func succeed(from base: Int, remember: Bool) -> Bool {
        if remember {
            for index in base..<depth {
                let slot = code[Int(path[index].pc)].slot
                if slot >= 0 { self.remember(Self.succeeded, slot, at: path[index].position) }
            }
        }
        depth = base
        return true
    }

    /// The code point starting at `position` (a Swift string's UTF-8 is valid, so no checks) and its length.
    @inline(__always)
    private func decode(at position: Int) -> (UInt32, Int) {
        let lead = UInt32(text[position])
        if lead < 0x80 { return (lead, 1) }
        let second = UInt32(text[position + 1] & 0x3F)
        if lead < 0xE0 { return ((lead & 0x1F) << 6 | second, 2) }
        let third = UInt32(text[position + 2] & 0x3F)
        if lead < 0xF0 { return ((lead & 0x0F) << 12 | second << 6 | third, 3) }
        let fourth = UInt32(text[position + 3] & 0x3F)
        return ((lead & 0x07) << 18 | second << 12 | third << 6 | fourth, 4)
    }

    /// Whether the class at offset `set` holds `scalar` (see `ScalarSet.encode`).
    @inline(__always)
    private func contains(_ scalar: UInt32, _ set: Int32) -> Bool {
        let set = Int(set)
        if scalar < 0x10000 {
            let page = classes[set + Int(scalar >> 8)]
            if page < 2 { return page == 1 }
            return classes[Int(page) + Int(scalar >> 6 & 3)] & (1 << UInt64(scalar & 63)) != 0
        }
        // The first range that ends at or after the scalar, by binary search.
        var low = set + 257
        let end = low + Int(classes[set + 256])
        var high = end
        while low < high {
            let middle = (low + high) / 2
            if classes[middle] >> 32 < scalar { low = middle + 1 } else { high = middle }
        }
        return low < end && classes[low] & 0xFFFF_FFFF <= scalar
    }
}

// MARK: - Syntax tree

/// A set of code points as sorted, disjoint, non-adjacent ranges.
private struct ScalarSet: Equatable {
    private(set) var ranges: [ClosedRange<UInt32>] = []

    init(_ ranges: [ClosedRange<UInt32>] = []) {
        for range in ranges { insert(range) }
    }

    mutating func insert(_ range: ClosedRange<UInt32>) {
        var merged = range
        var kept: [ClosedRange<UInt32>] = []
        for existing in ranges {
            if existing.upperBound + 1 < merged.lowerBound || merged.upperBound + 1 < existing.lowerBound {
                kept.append(existing)
            } else {
                merged = min(existing.lowerBound, merged.lowerBound)...max(existing.upperBound, merged.upperBound)
            }
        }
        kept.append(merged)
        ranges = kept.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Appends the set to `table` in the machine's layout, and returns where it starts. A class at `c` has 256
    /// words for the pages of 256 code points of the Basic Multilingual Plane: 0 for none of the page, 1 for all
    /// of it, else the offset of its 4-word bit map; then the count of its ranges beyond the plane, and those
    /// ranges, each as lower bound | upper bound << 32. One or two loads answer for the usual code points.
    func encode(into table: inout [UInt64]) -> Int32 {
        let start = table.count
        var pages = [UInt64](repeating: 0, count: 256)
        var bitMaps: [Int: [UInt64]] = [:]
        var beyond: [UInt64] = []
        for range in ranges {
            if range.upperBound >= 0x10000 {
                beyond.append(UInt64(Swift.max(range.lowerBound, 0x10000)) | UInt64(range.upperBound) << 32)
            }
            var scalar = range.lowerBound
            while scalar <= Swift.min(range.upperBound, 0xFFFF) {
                let page = Int(scalar >> 8)
                let last = Swift.min(range.upperBound, scalar | 0xFF)
                if scalar & 0xFF == 0, last & 0xFF == 0xFF {
                    pages[page] = 1
                } else {
                    var bits = bitMaps[page] ?? [0, 0, 0, 0]
                    for point in scalar...last { bits[Int(point >> 6 & 3)] |= 1 << UInt64(point & 63) }
                    bitMaps[page] = bits
                }
                scalar = last + 1
            }
        }
        table += pages
        table.append(UInt64(beyond.count))
        table += beyond
        for (page, bits) in bitMaps.sorted(by: { $0.key < $1.key }) {
            table[start + page] = UInt64(table.count)
            table += bits
        }
        return Int32(start)
    }

    mutating func formUnion(_ other: ScalarSet) {
        for range in other.ranges { insert(range) }
    }

    /// Every code point not in the set.
    var inverted: ScalarSet {
        var result = ScalarSet()
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.ranges.append(next...(range.lowerBound - 1)) }
            next = range.upperBound + 1
        }
        if next <= 0x10FFFF { result.ranges.append(next...0x10FFFF) }
        return result
    }

    static let digits = ScalarSet([0x30...0x39])
    static let wordCharacters = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// ECMA-262's WhiteSpace and LineTerminator: tab, vertical tab, form feed, the space separators (Zs),
    /// U+FEFF, and \n, \r, U+2028, U+2029.
    static let whiteSpace = ScalarSet([
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
        0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    static let lineTerminators = ScalarSet([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029])
}

/// A parsed pattern.
private indirect enum Node {
    /// One code point of the set.
    case set(ScalarSet)
    case start
    case end
    case lookahead(Node, negated: Bool)
    case sequence([Node])
    case choice([Node])
    /// `max` nil for no upper bound; `offset` is the quantifier's, for the program size error.
    case repeated(Node, min: Int, max: Int?, offset: Int)

    /// The zero-width condition under which the node matches the empty string here, nil if it never does.
    var emptyPart: Node? {
        switch self {
        case .set: return nil
        case .start, .end, .lookahead: return self
        case .sequence(let nodes):
            var parts: [Node] = []
            for node in nodes {
                guard let part = node.emptyPart else { return nil }
                parts.append(part)
            }
            return .sequence(parts)
        case .choice(let nodes):
            let parts = nodes.compactMap(\.emptyPart)
            return parts.isEmpty ? nil : .choice(parts)
        case .repeated(let body, let min, _, _):
            // Repeating a zero-width condition at one place is the condition itself.
            return min == 0 ? .sequence([]) : body.emptyPart
        }
    }

    /// A node matching what this one matches except the empty string, nil if nothing is left.
    ///
    /// Loop bodies are compiled through this so that no loop comes back to its start without reading, which
    /// keeps the state graph free of cycles. An iteration that reads nothing cannot make a match possible
    /// that skipping it would not, so the answers do not change (ECMA-262 rejects such iterations too).
    var nonEmpty: Node? {
        switch self {
        case .set: return self
        case .start, .end, .lookahead: return nil
        case .sequence(let nodes):
            // Either some element reads first, every element before it matching empty.
            var alternatives: [Node] = []
            var before: [Node] = []
            for (index, node) in nodes.enumerated() {
                if let reading = node.nonEmpty {
                    alternatives.append(.sequence(before + [reading] + nodes[(index + 1)...]))
                }
                guard let empty = node.emptyPart else { break }
                before.append(empty)
            }
            return alternatives.isEmpty ? nil : alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
        case .choice(let nodes):
            let reading = nodes.compactMap(\.nonEmpty)
            return reading.isEmpty ? nil : .choice(reading)
        case .repeated(let body, let min, let max, let offset):
            guard max != 0, let reading = body.nonEmpty else { return nil }
            // The first iteration that reads is the first one, or, when at least two are required, a later one
            // after iterations matching empty (as many as the count needs, so one condition and any rest).
            let first = Node.sequence([
                reading, .repeated(body, min: Swift.max(min - 1, 0), max: max.map { $0 - 1 }, offset: offset),
            ])
            guard min >= 2, let empty = body.emptyPart else { return first }
            return .choice([first, .sequence([empty, reading, .repeated(body, min: 0, max: max.map { $0 - 2 }, offset: offset)])])
        }
    }
}

// MARK: - Parser

/// A recursive-descent parser of the supported syntax over the pattern's code points.
private struct Parser {
    static let maximumNesting = 100
    static let maximumCount = 1000

    let scalars: [Unicode.Scalar]
    var index = 0
    var depth = 0

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    private var atEnd: Bool { index == scalars.count }
    private var current: Unicode.Scalar? { atEnd ? nil : scalars[index] }

    private func fail(_ message: String, at offset: Int) -> SchemaRegex.SyntaxError {
        SchemaRegex.SyntaxError(message: message, offset: offset)
    }

    private func peek(_ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        return index + wanted.count <= scalars.count && Array(scalars[index..<index + wanted.count]) == wanted
    }

    mutating func parse() throws(SchemaRegex.SyntaxError) -> Node {
        let node = try disjunction()
        if let scalar = current {
            // `disjunction` stops only at the end or at a `)`.
            throw fail("unbalanced parenthesis: '\(scalar)' without a matching '('", at: index)
        }
        return node
    }

    private mutating func disjunction() throws(SchemaRegex.SyntaxError) -> Node {
        var alternatives = [try alternative()]
        while current == "|" {
            index += 1
            alternatives.append(try alternative())
        }
        return alternatives.count == 1 ? alternatives[0] : .choice(alternatives)
    }

    private mutating func alternative() throws(SchemaRegex.SyntaxError) -> Node {
        var terms: [Node] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let start = index
            let atom: Node
            var quantifiable = true
            switch scalar {
            case "^":
                index += 1
                atom = .start
                quantifiable = false
            case "$":
                index += 1
                atom = .end
                quantifiable = false
            case "(":
                (atom, quantifiable) = try group()
            case "[":
                atom = .set(try characterClass())
            case ".":
                index += 1
                atom = .set(ScalarSet.lineTerminators.inverted)
            case "\\":
                atom = .set(try escape(inClass: false).set)
            case "*", "+", "?":
                throw fail("quantifier '\(scalar)' with nothing to repeat", at: index)
            case "{":
                if try quantifier() != nil { throw fail("quantifier '{' with nothing to repeat", at: start) }
                throw fail("'{' that starts no quantifier {n}, {n,} or {n,m} (write \\{ for the character)", at: start)
            case "}", "]":
                throw fail("unbalanced '\(scalar)' (write \\\(scalar) for the character)", at: index)
            default:
                index += 1
                atom = .set(ScalarSet([scalar.value...scalar.value]))
            }
            let quantifierStart = index
            guard let (min, max) = try quantifier() else {
                terms.append(atom)
                continue
            }
            if !quantifiable {
                throw fail("quantifier after an assertion ('^', '$' or a lookahead) that cannot be repeated", at: quantifierStart)
            }
            // Lazy and greedy give the same yes-or-no answer. A quantifier after this one is refused on the next
            // turn, as one with nothing to repeat.
            if current == "?" { index += 1 }
            terms.append(.repeated(atom, min: min, max: max, offset: quantifierStart))
        }
        return terms.count == 1 ? terms[0] : .sequence(terms)
    }

    /// The bounds of the quantifier here, consumed; nil (nothing consumed) when there is none.
    private mutating func quantifier() throws(SchemaRegex.SyntaxError) -> (Int, Int?)? {
        switch current {
        case "*":
            index += 1
            return (0, nil)
        case "+":
            index += 1
            return (1, nil)
        case "?":
            index += 1
            return (0, 1)
        case "{":
            let start = index
            index += 1
            guard let min = try count(start: start) else {
                index = start
                return nil
            }
            var max: Int? = min
            if current == "," {
                index += 1
                max = try count(start: start)
            }
            guard current == "}" else {
                index = start
                return nil
            }
            index += 1
            if let max, min > max {
                throw fail("quantifier {\(min),\(max)} with its minimum above its maximum", at: start)
            }
            return (min, max)
        default:
            return nil
        }
    }

    /// The decimal number here, consumed; nil when there is no digit.
    private mutating func count(start: Int) throws(SchemaRegex.SyntaxError) -> Int? {
        let first = index
        var value = 0
        while let scalar = current, ("0"..."9").contains(scalar) {
            value = value * 10 + Int(scalar.value - 0x30)
            if value > Parser.maximumCount {
                throw fail("repetition count above \(Parser.maximumCount) in a quantifier", at: start)
            }
            index += 1
        }
        return index > first ? value : nil
    }

    /// A group at `(`; the node, and whether a quantifier may follow it.
    private mutating func group() throws(SchemaRegex.SyntaxError) -> (Node, Bool) {
        let start = index
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maximumNesting {
            throw fail("groups nested deeper than \(Parser.maximumNesting)", at: start)
        }
        let kind: (negated: Bool, lookahead: Bool)
        if peek("(?:") {
            kind = (false, false)
            index += 3
        } else if peek("(?=") || peek("(?!") {
            kind = (peek("(?!"), true)
            index += 3
        } else if peek("(?<=") || peek("(?<!") {
            throw fail("lookbehind '\(peek("(?<=") ? "(?<=" : "(?<!")' is not supported", at: start)
        } else if peek("(?<") {
            throw fail("named group '(?<name>' is not supported", at: start)
        } else if peek("(?") {
            throw fail("group syntax '(?' other than (?:, (?= and (?! (inline flags, for instance) is not supported", at: start)
        } else {
            kind = (false, false)
            index += 1
        }
        let body = try disjunction()
        guard current == ")" else { throw fail("unbalanced parenthesis: '(' without a matching ')'", at: start) }
        index += 1
        if kind.lookahead { return (.lookahead(body, negated: kind.negated), false) }
        return (body, true)
    }

    /// A class at `[`.
    private mutating func characterClass() throws(SchemaRegex.SyntaxError) -> ScalarSet {
        let start = index
        index += 1
        let negated = current == "^"
        if negated { index += 1 }
        var set = ScalarSet()
        while current != "]" {
            let low = try classAtom(classStart: start)
            // A '-' between two atoms makes a range, anywhere else it is itself.
            guard current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" else {
                set.formUnion(low.set)
                continue
            }
            index += 1
            let high = try classAtom(classStart: start)
            guard let first = low.single, let last = high.single else {
                throw fail("class range with a class escape (\\d, \\s, \\w...) as an end", at: low.offset)
            }
            guard first <= last else {
                throw fail("class range \(Self.show(first))-\(Self.show(last)) out of order", at: low.offset)
            }
            set.insert(first...last)
        }
        index += 1
        return negated ? set.inverted : set
    }

    /// One class member: its code point when it is a single one, its set, and where it starts.
    private mutating func classAtom(
        classStart: Int
    ) throws(SchemaRegex.SyntaxError) -> (single: UInt32?, set: ScalarSet, offset: Int) {
        let offset = index
        guard let scalar = current else { throw fail("unterminated character class '['", at: classStart) }
        if scalar == "\\" {
            let (set, single) = try escape(inClass: true)
            return (single, set, offset)
        }
        index += 1
        return (scalar.value, ScalarSet([scalar.value...scalar.value]), offset)
    }

    /// An escape at `\`: its set, and its code point when it stands for a single one.
    private mutating func escape(inClass: Bool) throws(SchemaRegex.SyntaxError) -> (set: ScalarSet, single: UInt32?) {
        let start = index
        index += 1
        guard let letter = current else { throw fail("pattern ends in a lone backslash", at: start) }
        index += 1
        func single(_ value: UInt32) -> (ScalarSet, UInt32?) { (ScalarSet([value...value]), value) }
        switch letter {
        case "n": return single(0x0A)
        case "r": return single(0x0D)
        case "t": return single(0x09)
        case "f": return single(0x0C)
        case "v": return single(0x0B)
        case "0":
            if let next = current, ("0"..."9").contains(next) {
                throw fail("octal escape '\\0\(next)' is not supported", at: start)
            }
            return single(0)
        case "d": return (ScalarSet.digits, nil)
        case "D": return (ScalarSet.digits.inverted, nil)
        case "w": return (ScalarSet.wordCharacters, nil)
        case "W": return (ScalarSet.wordCharacters.inverted, nil)
        case "s": return (ScalarSet.whiteSpace, nil)
        case "S": return (ScalarSet.whiteSpace.inverted, nil)
        case "u":
            if current == "{" { throw fail("code point escape '\\u{...}' is not supported (use \\uXXXX)", at: start) }
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let digit = current, let nibble = Self.hexValue(digit) else {
                    throw fail("malformed escape '\\u': four hex digits must follow", at: start)
                }
                value = value << 4 | nibble
                index += 1
            }
            if (0xD800...0xDFFF).contains(value) {
                throw fail("surrogate escape '\\u\(Self.hex(value))' is not supported (write the character itself)", at: start)
            }
            return single(value)
        case "1"..."9":
            throw fail("backreference '\\\(letter)' is not supported", at: start)
        case "k":
            throw fail("named backreference '\\k' is not supported", at: start)
        case "b", "B":
            throw fail("word boundary '\\\(letter)' is not supported", at: start)
        case "p", "P":
            throw fail("Unicode property escape '\\\(letter){...}' is not supported", at: start)
        case "\\", "/", ".", "^", "$", "|", "?", "*", "+", "(", ")", "[", "]", "{", "}", "-":
            return single(letter.value)
        default:
            throw fail("unsupported escape '\\\(letter)'\(inClass ? " in a class" : "")", at: start)
        }
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// A code point for a message: itself when printable ASCII, else as \uXXXX.
    private static func show(_ value: UInt32) -> String {
        (0x21...0x7E).contains(value) ? String(Unicode.Scalar(UInt8(value))) : "\\u" + hex(value)
    }
}

// MARK: - Assembler

/// Turns the tree into instructions, each node compiled with its continuation already known (so from the end
/// backwards), which needs no jumps; a loop's head is a placeholder until its body is compiled.
private struct Assembler {
    /// Where every program ends: `assemble` puts it first. Reaching it ends the current run, the main one's or a
    /// lookahead's.
    static let match: Int32 = 0

    private(set) var instructions: [Instruction] = []
    /// The classes, as `ScalarSet.encode` lays them out.
    private(set) var classes: [UInt64] = []
    /// Each distinct set met so far and its offset in `classes` (counted repetitions copy their classes).
    private var offsets: [(set: ScalarSet, offset: Int32)] = []
    /// The quantifier being expanded, named when the program grows too long.
    private var quantifierOffset = 0

    /// Compiles the tree, gives slots to the instructions entered along more than one edge, and returns where
    /// the main program starts.
    mutating func assemble(_ tree: Node) throws(SchemaRegex.SyntaxError) -> Int32 {
        _ = try append(Instruction(operation: .match))
        let start = try compile(tree, then: Self.match)
        var entries = [Int](repeating: 0, count: instructions.count)
        entries[Int(start)] += 1  // The search enters here.
        for instruction in instructions {
            for successor in instruction.successors { entries[Int(successor)] += 1 }
        }
        var slots: Int32 = 0
        for index in instructions.indices where entries[index] > 1 && instructions[index].operation != .match {
            instructions[index].slot = slots
            slots += 1
        }
        for index in instructions.indices where instructions[index].operation == .split {
            let first = instructions[Int(instructions[index].argument)]
            let second = instructions[Int(instructions[index].next)]
            if first.operation == .consume, second.operation == .consume, first.slot < 0, second.slot < 0,
                disjoint(first.argument, second.argument)
            {
                instructions[index].operation = .dispatch
            }
        }
        return start
    }

    private mutating func append(_ instruction: Instruction) throws(SchemaRegex.SyntaxError) -> Int32 {
        guard instructions.count < SchemaRegex.maximumInstructions else {
            throw SchemaRegex.SyntaxError(
                message: "pattern compiles to more than \(SchemaRegex.maximumInstructions) instructions"
                    + (quantifierOffset > 0 ? " (the quantifier here repeats too much)" : ""),
                offset: quantifierOffset
            )
        }
        instructions.append(instruction)
        return Int32(instructions.count - 1)
    }

    /// Whether the classes at two offsets have no code point in common.
    private func disjoint(_ first: Int32, _ second: Int32) -> Bool {
        let sets = [first, second].map { offset in offsets.first { $0.offset == offset }!.set }
        return sets[0].ranges.allSatisfy { range in !sets[1].ranges.contains { $0.overlaps(range) } }
    }

    /// The offset of a set in `classes`, encoded once.
    private mutating func offset(of set: ScalarSet) -> Int32 {
        if let known = offsets.first(where: { $0.set == set }) { return known.offset }
        let offset = set.encode(into: &classes)
        offsets.append((set, offset))
        return offset
    }

    /// Compiles `node` to continue at `next` once matched, and returns its entry.
    private mutating func compile(_ node: Node, then next: Int32) throws(SchemaRegex.SyntaxError) -> Int32 {
        switch node {
        case .set(let set):
            return try append(Instruction(operation: .consume, argument: offset(of: set), next: next))
        case .start:
            return try append(Instruction(operation: .atStart, next: next))
        case .end:
            return try append(Instruction(operation: .atEnd, next: next))
        case .lookahead(.set(let set), let negated):
            return try append(Instruction(operation: negated ? .negativePeek : .peek, argument: offset(of: set), next: next))
        case .lookahead(let body, let negated):
            let body = try compile(body, then: Self.match)
            return try append(Instruction(operation: negated ? .negativeLookahead : .lookahead, argument: body, next: next))
        case .sequence(let nodes):
            var entry = next
            for node in nodes.reversed() { entry = try compile(node, then: entry) }
            return entry
        case .choice(let nodes):
            // split(first, split(second, ... last))
            var entry = try compile(nodes[nodes.count - 1], then: next)
            for node in nodes.dropLast().reversed() {
                let alternative = try compile(node, then: next)
                entry = try append(Instruction(operation: .split, argument: alternative, next: entry))
            }
            return entry
        case .repeated(let body, let min, let max, let offset):
            let outer = quantifierOffset
            quantifierOffset = offset
            defer { quantifierOffset = outer }
            return try compileRepetition(body, min: min, max: max, then: next)
        }
    }

    private mutating func compileRepetition(
        _ body: Node, min: Int, max: Int?, then next: Int32
    ) throws(SchemaRegex.SyntaxError) -> Int32 {
        var entry = next
        if let max {
            // Optional copies nested, each one's skip going straight to `next`: (body (body (body)?)?)?
            for _ in min..<max {
                let copy = try compile(body, then: entry)
                entry = try append(Instruction(operation: .split, argument: copy, next: next))
            }
        } else if let reading = body.nonEmpty {
            // loop: split(a reading body, then loop; next). Only the split is entered along several edges (the
            // copies before the loop and the one in it have one each), so a state is remembered once a turn.
            let loop = try append(Instruction(operation: .split, next: next))
            let copy = try compile(reading, then: loop)
            instructions[Int(loop)].argument = copy
            entry = loop
        }
        for _ in 0..<min { entry = try compile(body, then: entry) }
        return entry
    }
}
