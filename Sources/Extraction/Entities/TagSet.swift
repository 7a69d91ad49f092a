/// The BILOU tags over the four name types the tagger predicts.
///
/// Tag 0 is `O`; for type `k` (0 person, 1 organization, 2 place, 3 event) tags `1 + 4k ... 4 + 4k` are
/// `B`, `I`, `L`, `U`.
public enum TagSet {
  /// The name types, in tag order.
  public static let types = ["person", "organization", "place", "event"]
  /// Number of tags (17).
  public static let count = 1 + 4 * types.count
  /// Start-of-sentence pseudo tag index used in the transition table.
  static let start = count

  enum Part: Int { case begin = 0, inside, last, unit }

  @inline(__always) static func type(of tag: Int) -> Int { (tag - 1) / 4 }
  @inline(__always) static func part(of tag: Int) -> Part { Part(rawValue: (tag - 1) % 4)! }
  @inline(__always) static func tag(type: Int, _ part: Part) -> Int { 1 + 4 * type + part.rawValue }

  /// The tag's name, e.g. `B-person`, `O`.
  public static func name(_ tag: Int) -> String {
    if tag == 0 { return "O" }
    return ["B", "I", "L", "U"][(tag - 1) % 4] + "-" + types[type(of: tag)]
  }

  /// The tag with the given name, accepting BIO-style `E-`/`S-` too.
  public static func index(of name: String) -> Int? {
    if name == "O" { return 0 }
    let parts = name.split(separator: "-", maxSplits: 1)
    guard parts.count == 2, let t = types.firstIndex(of: String(parts[1]).lowercased()) else { return nil }
    switch parts[0] {
    case "B": return tag(type: t, .begin)
    case "I": return tag(type: t, .inside)
    case "L", "E": return tag(type: t, .last)
    case "U", "S": return tag(type: t, .unit)
    default: return nil
    }
  }

  /// Whether tag `b` may follow tag `a` (`a == start` for the first token).
  static func allowed(_ a: Int, _ b: Int) -> Bool {
    let open = a != start && a != 0 && (part(of: a) == .begin || part(of: a) == .inside)
    if open {
      return b != 0 && type(of: b) == type(of: a) && (part(of: b) == .inside || part(of: b) == .last)
    }
    return b == 0 || part(of: b) == .begin || part(of: b) == .unit
  }

  /// Whether a sentence may end after tag `a`.
  static func canEnd(_ a: Int) -> Bool { a == 0 || part(of: a) == .last || part(of: a) == .unit }

  /// Spans `(start, end, type)` (token indices, end exclusive) of a valid tag sequence.
  static func spans(_ tags: [Int]) -> [(start: Int, end: Int, type: Int)] {
    var out: [(Int, Int, Int)] = []
    var open = -1
    for (i, t) in tags.enumerated() {
      if t == 0 {
        open = -1
        continue
      }
      switch part(of: t) {
      case .unit:
        out.append((i, i + 1, type(of: t)))
        open = -1
      case .begin: open = i
      case .inside: if open < 0 { open = i }
      case .last:
        out.append((open < 0 ? i : open, i + 1, type(of: t)))
        open = -1
      }
    }
    return out
  }
}
