/// What the genre of Thai ITA papers writes, as data: the words that cue a score, name a grade, an
/// organisation type, a header field, an honorific or a rank, and the labels of the ten indicators.
///
/// Every stage that recognises a form of the genre reads its words from here, so a form seen on a new
/// page becomes a new row in one of these tables rather than a new branch in a parser. The tables are
/// plain strings (normalized text: NFC, ASCII digits); the stages compile them into whatever search
/// structure they need.
public enum Genre {}
