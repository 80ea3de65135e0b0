import Foundation
import Reading
import Synchronization

/// SIGINT and SIGTERM during `extract`: the first stops the run gently (no new document is started; those
/// under way are given `grace` to finish and be written; then the PDF helpers and their OCR are killed and
/// what they were reading is left for `--resume`; what was written is committed; the summary is printed;
/// the exit status is 128 + the signal), a second stops it at once (nothing more is written).
///
/// The handler only counts the signals (an atomic is all a signal handler may touch); a watcher thread acts
/// on the count. That thread unblocks both signals for itself, since a parent may have left them blocked
/// (a signal mask is inherited) and a signal blocked in every thread would never come.
final class StopSignals: Sendable {
    private static let count = Atomic<Int>(0)
    private static let first = Atomic<Int32>(0)
    private static let graceOver = Atomic<Bool>(false)

    init(grace: Duration, onFirst: @escaping @Sendable (Int32) -> Void) {
        for signal in [SIGINT, SIGTERM] as [Int32] {
            Foundation.signal(signal) { received in
                _ = StopSignals.first.compareExchange(expected: 0, desired: received, ordering: .sequentiallyConsistent)
                StopSignals.count.add(1, ordering: .sequentiallyConsistent)
            }
        }
        let thread = Thread {
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGINT)
            sigaddset(&set, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            var seen = 0
            var deadline: ContinuousClock.Instant?
            while true {
                if let end = deadline, ContinuousClock.now >= end {
                    deadline = nil
                    // Marked before the helpers die, so that what they were reading is never taken for a failure.
                    StopSignals.graceOver.store(true, ordering: .sequentiallyConsistent)
                    PDFHelpers.abortAll()
                }
                let now = StopSignals.count.load(ordering: .sequentiallyConsistent)
                if now > seen {
                    if seen == 0 { deadline = .now + grace }
                    let signal = StopSignals.first.load(ordering: .sequentiallyConsistent)
                    if seen == 0 { onFirst(signal) }
                    if now >= 2 {
                        PDFHelpers.abortAll()
                        exit(128 + signal)
                    }
                    seen = now
                }
                usleep(20_000)
            }
        }
        thread.start()
    }

    /// The signal that stopped the run, if one came: read straight from the handler's record, so that the
    /// run stops even before the watcher thread has seen it.
    var signal: Int32? {
        let first = StopSignals.first.load(ordering: .sequentiallyConsistent)
        return first == 0 ? nil : first
    }

    /// Whether the documents still under way after a stop have had their time: their results are not written.
    var abandoned: Bool {
        StopSignals.graceOver.load(ordering: .sequentiallyConsistent)
    }

    static func name(_ signal: Int32) -> String {
        signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
    }
}
