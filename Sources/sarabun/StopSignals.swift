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
    private static let last = Atomic<Int32>(0)

    private let stopped = Mutex<Int32?>(nil)

    init(onFirst: @escaping @Sendable (Int32) -> Void) {
        for signal in [SIGINT, SIGTERM] as [Int32] {
            Foundation.signal(signal) { received in
                StopSignals.last.store(received, ordering: .relaxed)
                StopSignals.count.add(1, ordering: .sequentiallyConsistent)
            }
        }
        let thread = Thread { [self] in
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGINT)
            sigaddset(&set, SIGTERM)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            var seen = 0
            while true {
                let now = StopSignals.count.load(ordering: .sequentiallyConsistent)
                if now > seen {
                    let signal = StopSignals.last.load(ordering: .relaxed)
                    if seen == 0 {
                        stopped.withLock { $0 = signal }
                        onFirst(signal)
                    }
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

    /// The signal that stopped the run, if one came.
    var signal: Int32? { stopped.withLock { $0 } }

    static func name(_ signal: Int32) -> String {
        signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
    }
}
