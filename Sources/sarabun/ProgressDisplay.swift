import Foundation
import Pipeline

/// Count, rate and ETA on one rewritten stderr line, when stderr is a terminal; messages always.
final class ProgressDisplay: @unchecked Sendable {
    private let enabled: Bool
    private var lastDraw = -1.0
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func update(_ p: RunProgress) {
        guard enabled, p.elapsed - lastDraw >= 0.1 || p.done == p.total else { return }
        lastDraw = p.elapsed
        let rate = p.elapsed > 0 ? Double(p.done) / p.elapsed : 0
        let eta = rate > 0 ? Double(p.total - p.done) / rate : 0
        let line = "\(p.done)/\(p.total)  \(String(format: "%.1f", rate)) docs/s  ETA \(Self.duration(eta))"
        standardError("\r\u{1B}[K" + line)
        drawn = true
    }

    func message(_ text: String) {
        clear()
        standardError(text + "\n")
    }

    func clear() {
        if drawn { standardError("\r\u{1B}[K") }
        drawn = false
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
