import Foundation
import Testing

@testable import Validation

@Suite struct SchemaRegexTests {
    /// A pattern, a text, and whether the pattern matches somewhere in the text.
    struct Case: Sendable, CustomTestStringConvertible {
        let pattern: String
        let text: String
        let expected: Bool

        init(_ pattern: String, _ text: String, _ expected: Bool) {
            self.pattern = pattern
            self.text = text
            self.expected = expected
        }

        var testDescription: String { "\(pattern.debugDescription) on \(text.debugDescription)" }
    }

    static let anchors: [Case] = [
        Case("^abc", "abc", true), Case("^abc", "xabc", false), Case("abc$", "xabc", true), Case("abc$", "abcx", false),
        Case("^$", "", true), Case("^$", "\n", false), Case("a$", "a\n", false), Case("^a", "\na", false),
        Case("a^", "a", false), Case("$a", "a", false),
    ]

    static let classes: [Case] = [
        Case("^[abc]+$", "cab", true), Case("^[abc]+$", "abd", false),
        Case("^[a-cx-z]$", "y", true), Case("^[a-cx-z]$", "d", false),
        Case("^[^a-c]$", "d", true), Case("^[^a-c]$", "b", false), Case("^[^a]$", "ก", true), Case("^[^a]$", "", false),
        Case("^[\\u0e01-\\u0e2e]+$", "กขฮ", true), Case("^[\\u0e01-\\u0e2e]+$", "กา", false),
        Case("^[-a]+$", "-a-", true), Case("^[a-]+$", "a-", true), Case("^[a\\-z]$", "-", true), Case("^[a\\-z]$", "b", false),
        Case("^[\\d.]+$", "1.5", true), Case("^[^\\s]$", " ", false), Case("^[\\]\\\\]+$", "]\\", true), Case("^[[]$", "[", true),
        Case("[]", "a", false), Case("^[^]$", "\n", true), Case("^[😀-😂]$", "😁", true), Case("^[😀-😂]$", "😃", false),
    ]

    static let escapes: [Case] = [
        Case("^\\u0e01$", "ก", true), Case("^\\u0E01$", "ก", true), Case("^\\n$", "\n", true),
        Case("^\\r\\t\\f\\v\\0$", "\r\t\u{0C}\u{0B}\u{00}", true),
        Case("^\\d+$", "0123456789", true), Case("^\\d$", "๑", false), Case("^\\D$", "๑", true), Case("^\\D$", "1", false),
        Case("^\\w+$", "a_Z9", true), Case("^\\w$", "ก", false), Case("^\\W$", "ก", true), Case("^\\W$", "_", false),
        Case("^\\s$", "\u{3000}", true), Case("^\\s$", "\u{FEFF}", true), Case("^\\s$", "\u{2028}", true),
        Case("^\\s$", "\u{A0}", true), Case("^\\s$", "\u{0B}", true), Case("^\\s$", "\u{200B}", false), Case("^\\s$", "a", false),
        Case("^\\S$", "a", true), Case("^\\S$", "\u{A0}", false),
        Case("^\\\\\\/\\.\\-\\^\\$\\|\\?\\*\\+\\(\\)\\[\\]\\{\\}$", "\\/.-^$|?*+()[]{}", true), Case("^a\\.b$", "axb", false),
    ]

    static let dot: [Case] = [
        Case("^.$", "a", true), Case("^.$", "ก", true), Case("^.$", "😀", true), Case("^.$", "\u{85}", true),
        Case("^.$", "\n", false), Case("^.$", "\r", false), Case("^.$", "\u{2028}", false), Case("^.$", "\u{2029}", false),
        Case("^..$", "ก่", true), Case("^.$", "", false),
    ]

    static let quantifiers: [Case] = [
        Case("^a*$", "", true), Case("^a*$", "aaa", true), Case("^a*$", "aab", false), Case("^a+$", "", false),
        Case("^a+$", "aa", true), Case("^a?b$", "b", true), Case("^a?b$", "ab", true), Case("^a?b$", "aab", false),
        Case("^a{3}$", "aaa", true), Case("^a{3}$", "aa", false), Case("^a{3}$", "aaaa", false),
        Case("^a{2,}$", "a", false), Case("^a{2,}$", "aaaaa", true), Case("^a{1,2}$", "aa", true), Case("^a{1,2}$", "aaa", false),
        Case("^a{0}$", "", true), Case("^a{0}$", "a", false), Case("^a{0,0}b$", "b", true), Case("^(?:ab){2}$", "abab", true),
        Case("^a+?$", "aaa", true), Case("^a*?b", "aab", true), Case("^a{1,2}?$", "aa", true), Case("^a??$", "a", true),
        Case("^a{2,}?$", "a", false), Case("^ก+$", "กกก", true),
    ]

    static let alternation: [Case] = [
        Case("^(?:cat|dog)$", "dog", true), Case("^(?:cat|dog)$", "cow", false), Case("^cat|dog$", "hotdog", true),
        Case("^cat|dog$", "cats", true), Case("^cat|dog$", "a cat", false), Case("^(?:a|)$", "", true),
        Case("^(?:|a)b$", "ab", true), Case("^(?:a|b|c)+$", "abcab", true), Case("|", "x", true),
    ]

    static let groups: [Case] = [
        Case("^(?:a(?:b|c)+)+$", "abcacb", true), Case("^(a(b|c)+)+$", "abca", false), Case("^((?:ab)?c){2}$", "cabc", true),
        Case("^(?:(?:a|b)(?:c|d)){2}$", "adbc", true), Case("^(?:(?:a|b)(?:c|d)){2}$", "adb", false), Case("^()$", "", true),
    ]

    static let lookaheads: [Case] = [
        Case("^(?=ab)a", "ab", true), Case("^(?=ab)a", "ac", false), Case("^a(?!b)", "ac", true), Case("^a(?!b)", "ab", false),
        Case("^a(?!b)", "a", true), Case("\\u0e4d(?!\\u0e32)", "ํา", false), Case("\\u0e4d(?!\\u0e32)", "ํก", true),
        Case("^(?=a(?!b))", "ac", true), Case("^(?=a(?!b))", "ab", false), Case("(?=.*x)a", "aaax", true),
        Case("(?=.*x)a", "aaa", false), Case("x(?!\\n)$", "x\n", false), Case("x(?!\\n)$", "x", true),
        Case("^(?:(?!ab).)*$", "aacb", true), Case("^(?:(?!ab).)*$", "aabb", false), Case("^(?=)$", "", true),
        // The lookahead holds at 1 first, then at 0 through a state met at 1 on an empty loop iteration.
        Case("^.*(?=(?:a?b?)*c)a", "ac", true), Case("^.*(?=(?:a?b?)*c)a", "ab", false),
    ]

    static let search: [Case] = [
        Case("b", "abc", true), Case("b+c", "xxbbc", true), Case("ค", "กขค", true), Case("^b", "abc", false),
        Case("", "anything", true), Case("", "", true), Case("[0-9]", "abc", false), Case("a(?=c)", "abac", true),
        Case("ขค$", "กขค", true), Case("(?:ab)+c", "aababc", true),
    ]

    /// Loops whose body can match the empty string, which the compiler rewrites to bodies that read.
    static let emptyLoopBodies: [Case] = [
        Case("^(?:a?)*$", "aaa", true), Case("^(?:a*)*b$", "aab", true), Case("^(?:(?=a)|b)*a$", "bba", true),
        Case("^(?:a?b?)*c$", "abbac", true), Case("^(?:a?b?)*c$", "abbaxc", false), Case("^(?:a?){3}b$", "ab", true),
        Case("^(?:(?:a?){2})+$", "aaaaa", true), Case("^(?:|a)+$", "aa", true), Case("^(?:$)*$", "", true),
        Case("^(?:^)+a", "a", true), Case("^(?:(?:a?){2,3})*$", "aaaaaaa", true), Case("^(?:(?:a?){2,3}b)*$", "babaab", true),
        Case("^(?:(?:a?){2,3}b)*$", "aaaab", false), Case("^(?:(?:a|b?)(?=c)|c)*$", "cc", true),
    ]

    @Test(arguments: anchors + classes + escapes + dot + quantifiers + alternation + groups + lookaheads + search + emptyLoopBodies)
    func matches(_ example: Case) throws {
        #expect(try SchemaRegex(example.pattern).matches(example.text) == example.expected)
    }

    /// A refused pattern, words the error must contain, and the offset it must give.
    struct Refusal: Sendable, CustomTestStringConvertible {
        let pattern: String
        let words: String
        let offset: Int

        init(_ pattern: String, _ words: String, _ offset: Int) {
            self.pattern = pattern
            self.words = words
            self.offset = offset
        }

        var testDescription: String { pattern.debugDescription }
    }

    static let refusals: [Refusal] = [
        Refusal("(a)\\1", "backreference '\\1'", 3), Refusal("\\k<x>", "named backreference", 0),
        Refusal("a(?<=a)b", "lookbehind '(?<='", 1), Refusal("(?<!a)b", "lookbehind '(?<!'", 0),
        Refusal("(?<n>a)", "named group", 0), Refusal("\\bword", "word boundary '\\b'", 0), Refusal("a\\B", "word boundary '\\B'", 1),
        Refusal("[\\b]", "word boundary", 1), Refusal("\\p{L}", "Unicode property escape '\\p", 0), Refusal("x\\P{L}", "property", 1),
        Refusal("(?i)a", "inline flags", 0), Refusal("(?s:a)", "inline flags", 0),
        Refusal("(a", "unbalanced parenthesis", 0), Refusal("a)", "unbalanced parenthesis", 1), Refusal("((a)", "unbalanced parenthesis", 0),
        Refusal("*a", "quantifier '*' with nothing to repeat", 0), Refusal("a|+b", "nothing to repeat", 2),
        Refusal("(?:?)", "nothing to repeat", 3), Refusal("a**", "nothing to repeat", 2), Refusal("a+?+", "nothing to repeat", 3),
        Refusal("{2}", "nothing to repeat", 0), Refusal("a{2}{3}", "nothing to repeat", 4),
        Refusal("^*", "assertion", 1), Refusal("a$?", "assertion", 2), Refusal("(?=a)+", "assertion", 5), Refusal("(?!a){2}", "assertion", 5),
        Refusal("[z-a]", "class range z-a out of order", 1), Refusal("x[\\u0e59-\\u0e50]", "out of order", 2),
        Refusal("[a", "unterminated character class", 0), Refusal("[a-", "unterminated character class", 0),
        Refusal("[\\d-z]", "class escape", 1), Refusal("[a-\\w]", "class escape", 1),
        Refusal("a{3,2}", "minimum above its maximum", 1), Refusal("a{1001}", "repetition count above 1000", 1),
        Refusal("a{", "'{' that starts no quantifier", 1), Refusal("a{,3}", "'{' that starts no quantifier", 1),
        Refusal("a{2,x}", "'{' that starts no quantifier", 1), Refusal("a}", "unbalanced '}'", 1), Refusal("]", "unbalanced ']'", 0),
        Refusal("\\x41", "unsupported escape '\\x'", 0), Refusal("[\\c]", "unsupported escape '\\c' in a class", 1),
        Refusal("\\u12", "four hex digits", 0), Refusal("ab\\u{41}", "'\\u{...}'", 2), Refusal("\\ud800", "surrogate", 0),
        Refusal("\\01", "octal", 0), Refusal("a\\", "lone backslash", 1),
        Refusal("x(?:[a-z]{1000}){3}", "more than 2000 instructions", 9),
        Refusal(String(repeating: "(", count: 101) + String(repeating: ")", count: 101), "nested deeper than 100", 100),
    ]

    @Test(arguments: refusals)
    func refuses(_ refusal: Refusal) {
        #expect {
            try SchemaRegex(refusal.pattern)
        } throws: { error in
            guard let error = error as? SchemaRegex.SyntaxError else { return false }
            return error.message.contains(refusal.words) && error.offset == refusal.offset
        }
    }

    @Test func schemaLoadingNamesTheConstructAndItsOffset() {
        #expect {
            try JSONSchema(data: Data(#"{"properties": {"a": {"pattern": "^a(?<=b)"}}}"#.utf8))
        } throws: { error in
            guard let error = error as? SchemaLoadError else { return false }
            return error.path == "/properties/a/pattern" && error.message.contains("lookbehind '(?<='")
                && error.message.contains("at offset 2")
        }
    }

    // MARK: - Against NSRegularExpression

    /// Every "pattern" string of `schemas/record.schema.json`, found from this file's `#filePath` (`Repo.root`).
    static let schemaPatterns: [String] = {
        func collect(_ node: Any, into patterns: inout [String]) {
            if let object = node as? [String: Any] {
                for (key, value) in object {
                    if key == "pattern", let pattern = value as? String { patterns.append(pattern) }
                    collect(value, into: &patterns)
                }
            } else if let array = node as? [Any] {
                for element in array { collect(element, into: &patterns) }
            }
        }
        let url = Repo.root.appendingPathComponent("schemas/record.schema.json")
        var patterns: [String] = []
        if let data = try? Data(contentsOf: url), let root = try? JSONSerialization.jsonObject(with: data) {
            collect(root, into: &patterns)
        }
        return Array(Set(patterns)).sorted()
    }()

    /// Patterns where ECMA-262 and ICU agree on the generated texts: no bare `$` (ICU's also matches before a
    /// final newline), no `\d`, `\w`, `\s` (ICU's are Unicode-wide), no `[` inside a class (a nested set in ICU).
    static let extraPatterns = [
        "[0-9]{2,3}-", "(?:ab|a)(?=b)", "[\\u0e01-\\u0e2e]\\u0e4d(?!\\u0e32)", "^(?:[^ ]+ )*[^ ]*(?!\\n)$",
        "[^\\u0e50-\\u0e59]{3}", "a.c", ".\\n.", "[a-f0-9]+(?=-)", "^\\u0e4d*(?:\\u0e32|\\u0e01)", "(?:(?=\\u0e01)..|b)+/",
        "^(?:a|B|)+-", "\\u00a0|\\u200b", "(?!a)[a-c]{2}", "^.*/.{1,3}(?!\\n)$", "^/(?:[^/\\n]+/)*[^/\\n]*(?!\\n)$",
    ]

    @Test func schemaHasPatterns() {
        #expect(Self.schemaPatterns.count >= 8)
    }

    @Test(arguments: schemaPatterns + extraPatterns)
    func agreesWithNSRegularExpression(_ pattern: String) throws {
        let engine = try SchemaRegex(pattern)
        let icu = try NSRegularExpression(pattern: pattern, options: [])
        var generator = SplitMix64(seed: 0x5A4A_B0B0 &+ UInt64(pattern.utf8.count))
        let texts = Self.edgeCases + (0..<3000).map { _ in Self.randomText(&generator) }
        var matched = 0
        for text in texts {
            let expected = icu.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
            let actual = engine.matches(text)
            #expect(actual == expected, "\(pattern.debugDescription) on \(text.debugDescription)")
            if actual { matched += 1 }
        }
        // Both answers occur, so the comparison says something.
        #expect(matched > 0 && matched < texts.count, "\(pattern.debugDescription): \(matched) of \(texts.count) match")
    }

    static let hex64 = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

    static let edgeCases = [
        "", " a", "a ", "a  b", "abc\n", "2566-13", "2566", "2566-12", "2566-12-31", "2566-02-30", "2566-00", "2566-1",
        "ํ", "ํา", "กํา", "กํ", "ก ข", "ก\u{A0}ข", "ก\u{200B}", "\u{200B}", "\u{F70A}", "i12", "i12\n", "x1", "/", "/a/b",
        "/\n", "a/b", hex64, hex64 + "\n", String(hex64.dropLast()), hex64.uppercased(), "ab", "abb", "12-", "ff-", "\n",
        "tool_1", "Tool", "_a", "นายสมชาย ใจดี", "สำนักงาน", "ผู้อำนวยการ  กอง",
    ]

    /// Pieces texts are made of: single characters the schema cares about, and runs that make matches likely.
    static let pieces: [String] = {
        let thai = ["ก", "ข", "ค", "น", "ม", "ส", "อ", "ฮ", "่", "้", "ั", "ิ", "ี", "ู", "เ", "โ"]
        let marks = ["\u{0E4D}", "\u{0E32}", "\u{0E4D}\u{0E32}", "ำ"]
        let digits = (0...9).map(String.init) + ["๐", "๑", "๕", "๙"]
        let spaces = [" ", " ", "  ", "\u{A0}", "\u{200B}", "\n", "\u{3000}", "\t"]
        let others = ["\u{F70A}", "\u{E000}", "\u{FEFF}", "a", "b", "c", "e", "i", "o", "x", "B", "Z", "_", "-", "/", "f", "9"]
        let runs = ["2566", "05", "12", "31", "13", "00", "2566-05-12", "i1", "o23", "tool_2", "/a", "สวัสดี", "ab", hex64]
        return thai + marks + digits + spaces + others + runs
    }()

    static func randomText(_ generator: inout SplitMix64) -> String {
        let count = Int(generator.next() % 9)
        return (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }

    // MARK: - Time

    @Test func ambiguousLoopsOnLongTextsFinish() throws {
        let text = String(repeating: "a", count: 100_000)
        #expect(try SchemaRegex("^(a|a)*$").matches(text))
        #expect(try !SchemaRegex("^(a|a)*$").matches(text + "b"))
        #expect(try !SchemaRegex("(a*)*b").matches(text))
        #expect(try !SchemaRegex("^(?:a?){20}(?:a?){20}b").matches(text))
    }

    /// A lookahead that scans to the end and holds at every offset: each evaluation reuses the previous ones.
    @Test func scanningLookaheadsOnLongTextsFinish() throws {
        let text = String(repeating: "a", count: 100_000) + "b"
        #expect(try !SchemaRegex("^(?:(?=.*b)a)*$").matches(text))
        #expect(try SchemaRegex("^(?:(?=.*b)a)*b$").matches(text))
        #expect(try !SchemaRegex("(?=.*c)a").matches(text))
    }

    // MARK: - Sharing

    @Test func oneCompiledPatternServesManyTasks() async throws {
        let regex = try SchemaRegex(try #require(Self.schemaPatterns.first { $0.contains("\\u0e4d") }))
        var generator = SplitMix64(seed: 7)
        let texts = (0..<2000).map { _ in Self.randomText(&generator) }
        let expected = texts.map(regex.matches)
        let results = await withTaskGroup(of: [Bool].self) { group in
            for _ in 0..<8 { group.addTask { texts.map(regex.matches) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.count == 8)
        #expect(results.allSatisfy { $0 == expected })
    }
}

/// A small seeded generator, so that a failing text can be produced again.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
