import Dispatch
import Foundation
import Reading
import Synchronization

/// SIGINT and SIGTERM during `extract`: the first stops the run gently (no new document is started; those
/// under way are finished, written and committed; the summary is printed; the exit status is 128 + the
/// signal), a second stops it at once (the PDF helpers and their OCR are killed, nothing more is written).
///
/// Unchecked: the dispatch sources are only kept alive here, never touched after they are started.
final class StopSignals: @unchecked Sendable {
    private final class Received: Sendable {
        let signal = Mutex<Int32?>(nil)
    }

    private let received = Received()
    private let sources: [any DispatchSourceSignal]

    init(onFirst: @escaping @Sendable (Int32) -> Void) {
        let received = self.received
        // A queue of its own gets a thread even while the workers keep every thread of the pool busy.
        let queue = DispatchQueue(label: "sarabun.stop-signals")
        let signals: [Int32] = [SIGINT, SIGTERM]
        // A parent may have left them blocked (a signal mask is inherited); then they would never come.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        for signal in signals { sigaddset(&unblocked, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        sources = signals.map { signal in
            // Handled by the dispatch source only: the default action would end the process on the spot.
            Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: queue)
            source.setEventHandler {
                let first = received.signal.withLock { current -> Bool in
                    guard current == nil else { return false }
                    current = signal
                    return true
                }
                if first {
                    onFirst(signal)
                } else {
                    PDFHelpers.abortAll()
                    exit(128 + signal)
                }
            }
            source.resume()
            return source
        }
    }

    /// The signal that stopped the run, if one came.
    var signal: Int32? { received.signal.withLock { $0 } }

    static func name(_ signal: Int32) -> String {
        signal == SIGINT ? "SIGINT" : signal == SIGTERM ? "SIGTERM" : "signal \(signal)"
    }
}
