import Foundation
import ProcessSpawn
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child process ended, with what it wrote.
public struct ChildResult: Sendable {
    /// The exit status, or 128 + the signal number when a signal ended it.
    public var status: Int32
    public var stdout: Data
    public var stderr: Data
    /// The deadline passed and the child (with everything it started) was killed.
    public var timedOut: Bool

    /// Whether it exited with status 0 in time.
    public var succeeded: Bool { status == 0 && !timedOut }
}

/// Why a child process could not be started.
public struct ChildProcessError: Error, CustomStringConvertible {
    public var description: String
}

/// Runs a program with a deadline: the read stage's guard against a PDF or a page that makes poppler or
/// tesseract hang.
///
/// The child gets its own process group (unless it is to stay in the caller's, ``Group``), so that on
/// timeout it is killed together with whatever it started. Its standard input is /dev/null; standard output and error are
/// collected (each up to `outputLimit` bytes, the rest read and dropped so that the child never blocks).
/// The call blocks the calling thread until the child has ended.
public enum ChildProcess {
    /// The process group a one-shot child runs in.
    public enum Group: Sendable {
        /// A group of its own, killed whole on timeout.
        case own
        /// The caller's: a PDF helper's tesseract, so that the parent that kills the helper's group (at its
        /// time limit, or when the run is stopped) kills the OCR under way too.
        case callers
    }

    public static func run(
        _ executable: String, arguments: [String], environment: [String: String] = [:],
        timeout: Double, outputLimit: Int = 256 << 20, group: Group = .own
    ) throws(ChildProcessError) -> ChildResult {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        // Pipes are made close-on-exec under the lock that also covers the spawn, so that a child started
        // by another thread meanwhile cannot inherit them (and keep them open past our child's exit).
        spawnLock.lock()
        let started = spawn(executable, arguments: arguments, environment: env, withInput: false, ownGroup: group == .own)
        spawnLock.unlock()
        let (pid, out, err, _) = try started.get()
        return collect(pid: pid, out: out, err: err, timeout: timeout, limit: outputLimit, ownGroup: group == .own)
    }

    /// Starts a child that stays: requests go to its standard input, answers come line by line from its
    /// standard output; its standard error goes to /dev/null.
    public static func start(
        _ executable: String, arguments: [String], environment: [String: String] = [:]
    ) throws(ChildProcessError) -> RunningChild {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        spawnLock.lock()
        let started = spawn(executable, arguments: arguments, environment: env, withInput: true, ownGroup: true)
        spawnLock.unlock()
        let (pid, out, _, input) = try started.get()
        // A child that died must not kill this process with SIGPIPE when a request is written to it.
        signal(SIGPIPE, SIG_IGN)
        return RunningChild(pid: pid, input: input, output: out)
    }

    private static let spawnLock = NSLock()

    /// Starts the child; returns its pid, the read ends of its stdout and stderr pipes, and the write end
    /// of its stdin pipe. With `withInput`, standard input is a pipe and standard error /dev/null (-1 for
    /// its pipe); without, standard input is /dev/null (-1 for its pipe).
    private static func spawn(
        _ executable: String, arguments: [String], environment: [String: String], withInput: Bool, ownGroup: Bool
    ) -> Result<(pid_t, Int32, Int32, Int32), ChildProcessError> {
        var outPipe: [Int32] = [-1, -1]
        var errPipe: [Int32] = [-1, -1]
        var inPipe: [Int32] = [-1, -1]
        func closeAll() { for fd in outPipe + errPipe + inPipe where fd >= 0 { close(fd) } }
        guard makePipe(&outPipe), withInput ? makePipe(&inPipe) : makePipe(&errPipe) else {
            closeAll()
            return .failure(ChildProcessError(description: "pipe: \(errnoText())"))
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if withInput {
            posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        }
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        // The child gets its three standard descriptors and nothing else: a descriptor another thread has open
        // (a file being written, another child's pipe) would otherwise live on in it for its whole run.
        sarabun_spawn_close_from(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16((ownGroup ? POSIX_SPAWN_SETPGROUP : 0) | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for p in argv { free(p) }
            for p in envp { free(p) }
        }
        var pid: pid_t = 0
        var status: Int32 = 0
        // ETXTBSY: a file just written is still open for writing in a child another thread started a moment
        // ago (until that child's exec closes it, or for its whole run if it was started by code that does
        // not close what it does not need); retried for up to two seconds.
        for attempt in 0..<200 {
            status =
                executable.contains("/")
                ? posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
                : posix_spawnp(&pid, executable, &actions, &attributes, argv, envp)
            guard status == ETXTBSY, attempt < 199 else { break }
            usleep(10_000)
        }
        close(outPipe[1])
        if errPipe[1] >= 0 { close(errPipe[1]) }
        if inPipe[0] >= 0 { close(inPipe[0]) }
        guard status == 0 else {
            close(outPipe[0])
            if errPipe[0] >= 0 { close(errPipe[0]) }
            if inPipe[1] >= 0 { close(inPipe[1]) }
            return .failure(ChildProcessError(description: "cannot start \(executable): \(String(cString: strerror(status)))"))
        }
        return .success((pid, outPipe[0], errPipe[0], inPipe[1]))
    }

    private static func makePipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    /// Reads both pipes until the child has exited and closed them, or the deadline passes.
    private static func collect(pid: pid_t, out: Int32, err: Int32, timeout: Double, limit: Int, ownGroup: Bool) -> ChildResult {
        // A child in the caller's group is killed alone: the group is the caller's own.
        func killAll() {
            if ownGroup { kill(-pid, SIGKILL) }
            kill(pid, SIGKILL)
        }
        defer {
            close(out)
            close(err)
        }
        let start = monotonicSeconds()
        let deadline = start + timeout
        var buffers = [Data(), Data()]
        var open = [true, true]
        var exitStatus: Int32?
        var timedOut = false
        var exitedAt: Double?
        var chunk = [UInt8](repeating: 0, count: 65536)

        while open[0] || open[1] || exitStatus == nil {
            let now = monotonicSeconds()
            if exitStatus == nil, now >= deadline {
                timedOut = true
                killAll()
                exitStatus = waitFor(pid, block: true)
                break
            }
            if exitStatus != nil {
                // Something the child started may still hold the pipes: give it a moment, then stop.
                if let exitedAt, now - exitedAt > 1 {
                    if ownGroup { kill(-pid, SIGKILL) }
                    break
                }
            }
            var fds = [
                pollfd(fd: open[0] ? out : -1, events: Int16(POLLIN), revents: 0),
                pollfd(fd: open[1] ? err : -1, events: Int16(POLLIN), revents: 0),
            ]
            if open[0] || open[1] {
                _ = poll(&fds, 2, Int32(max(1, min(50, (deadline - now) * 1000))))
            } else {
                usleep(500)  // the pipes are closed: the child is ending, wait for it briefly
            }
            for k in 0..<2 where open[k] && fds[k].revents != 0 {
                let n = chunk.withUnsafeMutableBytes { read(fds[k].fd, $0.baseAddress, $0.count) }
                if n > 0 {
                    if buffers[k].count < limit { buffers[k].append(contentsOf: chunk[0..<min(n, limit - buffers[k].count)]) }
                } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    open[k] = false
                }
            }
            if exitStatus == nil, let status = waitFor(pid, block: false) {
                exitStatus = status
                exitedAt = monotonicSeconds()
            }
        }
        return ChildResult(status: exitStatus ?? -1, stdout: buffers[0], stderr: buffers[1], timedOut: timedOut)
    }

    /// The child's status once it has ended (nil if `block` is false and it still runs).
    static func waitFor(_ pid: pid_t, block: Bool) -> Int32? {
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, block ? 0 : WNOHANG)
            if r == pid { break }
            if r == 0 { return nil }
            if errno == EINTR { continue }
            return -1
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    static func monotonicSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// A child process that serves requests: a line to its standard input, a line back from its standard
/// output. Used by one thread at a time.
public final class RunningChild: @unchecked Sendable {
    public let pid: pid_t
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var ended = false

    init(pid: pid_t, input: Int32, output: Int32) {
        self.pid = pid
        self.input = input
        self.output = output
        Self.running.withLock { _ = $0.insert(pid) }
    }

    /// The process groups of the children started and not yet ended, for ``killAll()``.
    private static let running = Mutex<Set<pid_t>>([])

    /// Kills every running child with everything it started: the last act of a run stopped at once
    /// (a second Ctrl-C), which exits without waiting for the children's answers.
    public static func killAll() {
        for pid in running.withLock({ $0 }) {
            kill(-pid, SIGKILL)
            kill(pid, SIGKILL)
        }
    }

    deinit {
        terminate()
    }

    /// What came back for a request.
    public enum Answer: Sendable {
        case line(Data)
        /// The deadline passed; the child (with everything it started) has been killed.
        case timedOut
        /// The child ended (crashed, or was killed) before answering; its exit status as `ChildResult` has it.
        case ended(status: Int32)
    }

    /// Writes `line` (a newline is added) and waits up to `timeout` seconds for one line of answer.
    public func request(_ line: Data, timeout: Double) -> Answer {
        var message = [UInt8](line)
        message.append(0x0A)
        var written = 0
        while written < message.count {
            let n = message[written...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return end()
            }
            written += n
        }
        let deadline = ChildProcess.monotonicSeconds() + timeout
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let answer = Data(buffer[..<newline])
                buffer.removeSubrange(...newline)
                return .line(answer)
            }
            let now = ChildProcess.monotonicSeconds()
            guard now < deadline else {
                terminate()
                return .timedOut
            }
            var fd = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fd, 1, Int32(max(1, min(1000, (deadline - now) * 1000))))
            guard ready > 0 else { continue }
            let n = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
            if n > 0 {
                buffer.append(contentsOf: chunk[0..<n])
            } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                return end()
            }
        }
    }

    /// Kills the child and everything it started, and reaps it.
    public func terminate() {
        guard !ended else { return }
        ended = true
        Self.running.withLock { _ = $0.remove(pid) }
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        _ = ChildProcess.waitFor(pid, block: true)
        close(input)
        close(output)
    }

    private func end() -> Answer {
        guard !ended else { return .ended(status: -1) }
        ended = true
        Self.running.withLock { _ = $0.remove(pid) }
        close(input)
        close(output)
        if let status = ChildProcess.waitFor(pid, block: false) {
            kill(-pid, SIGKILL)
            return .ended(status: status)
        }
        kill(-pid, SIGKILL)
        kill(pid, SIGKILL)
        return .ended(status: ChildProcess.waitFor(pid, block: true) ?? -1)
    }
}
