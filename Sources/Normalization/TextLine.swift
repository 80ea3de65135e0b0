import RecordModel

/// One line of normalized text and where it came from in the source (page and line), for `at`.
public struct TextLine: Sendable, Equatable {
    public var text: String
    public var at: Location

    public init(text: String, at: Location) {
        self.text = text
        self.at = at
    }
}
