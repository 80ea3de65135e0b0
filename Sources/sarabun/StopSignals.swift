import Foundation
import Reading
import Synchronization

/// SIGINT and SIGTERM during `extract`: the first stops the run gently (no new document is started; those
/// under way are finished, written and committed; the summary is printed; the exit status is 128 + the
/// signal), a second stops it at once (the PDF helpers and their OCR are killed, nothing more is written).
///
/// The handler only counts the signals (an atomic is all a signal handler may touch); a watcher thread acts
/// on the count. That thread unblocks both signals for itself, since a parent may have left them blocked
/// (a signal mask is inherited) and a signal blocked in every thread would never come.
final class StopSignals: Sendable {
    private static let count = Atomic<Int>(0)
    private static let first = Atomic<Int32>(0)

    init(onFirst: @escaping @Sendable (Int32) -> Void) {
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
            while true {
                let now = StopSignals.count.load(ordering: .sequentiallyConsistent)
                if now > seen {
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

    static func name(_ signal: Int32) -> String {
        signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
    }
}
