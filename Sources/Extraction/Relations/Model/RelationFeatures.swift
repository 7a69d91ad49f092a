import DocumentModel

/// An ordered pair of mentions of one sentence that the relation model scores.
struct RelationCandidate: Hashable, Sendable {
  /// Indices into ``AnalyzedDocument/mentions``.
  var subject: Int
  var object: Int
  /// The sentence both mentions are in.
  var sentence: Int
}

/// The token view the relation features read: per token a hash of its lower-cased text and a shape class,
/// and per mention its token range. Built once per document from ``AnalyzedDocument/tokens``.
struct RelationTokenView {
  /// Lower-cased text hash of each token (every number hashes alike).
  let words: [UInt64]
  /// Shape of each token: see ``Shape``.
  let shapes: [UInt8]
  /// Token range of each mention (`mentions[i]` covers `tokens[mentionTokens[i]]`).
  let mentionTokens: [Range<Int>]

  enum Shape {
    static let lower: UInt8 = 0
    static let capitalized: UInt8 = 1
    static let upper: UInt8 = 2
    static let number: UInt8 = 3
    static let punctuation: UInt8 = 4
    static let quote: UInt8 = 5
  }

  static let numberHash = TextHash.lowerHash("#num")

  init(_ document: AnalyzedDocument) {
    let s = document.document.scalars
    var words = [UInt64]()
    var shapes = [UInt8]()
    words.reserveCapacity(document.tokens.count)
    shapes.reserveCapacity(document.tokens.count)
    for t in document.tokens {
      switch t.kind {
      case .number:
        words.append(Self.numberHash)
        shapes.append(Shape.number)
      case .quote:
        words.append(TextHash.lowerHash(s, t.start..<t.end))
        shapes.append(Shape.quote)
      case .punctuation:
        words.append(TextHash.lowerHash(s, t.start..<t.end))
        shapes.append(Shape.punctuation)
      case .word:
        words.append(TextHash.lowerHash(s, t.start..<t.end))
        let first = CharClass.isUpper(s[t.start])
        var allUpper = first
        if first {
          for i in (t.start + 1)..<t.end where CharClass.isLower(s[i]) {
            allUpper = false
            break
          }
        }
        shapes.append(!first ? Shape.lower : (allUpper && t.end - t.start > 1 ? Shape.upper : Shape.capitalized))
      }
    }
    self.words = words
    self.shapes = shapes
    let tokens = document.tokens
    mentionTokens = document.mentions.map { m in
      let lo = tokens.partitioningIndex { $0.end > m.start }
      var end = lo
      while end < tokens.count && tokens[end].start < m.end { end += 1 }
      return lo..<max(lo, end)
    }
  }
}

/// Turns a candidate pair into hashed feature rows of the relation model.
///
/// Features look at the two arguments (kinds, first and head words), the words between them (each,
/// bigrams, the first and last, the whole short sequence, its shape), the words around the pair, the
/// distance and the mentions in between. Each is combined with the direction (does the subject come
/// first?), so one table serves both orders.
struct RelationFeatureExtractor: Sendable {
  /// Hash bits: features index `1 << bits` rows.
  let bits: Int

  /// Version of the feature templates; stored in the model so a model trained with other templates fails
  /// to load instead of scoring garbage.
  static let templateVersion: UInt32 = 1

  /// The longest stretch of tokens between two arguments a candidate may have.
  static let maxGap = 40
  /// How many mentions apart (in sentence order) two arguments may be.
  static let maxMentionsApart = 6

  private enum T: UInt64 {
    case bias = 1, kinds, between, bigram, firstBetween, lastBetween, sequence, shapeSequence, distance
    case mentionsBetween, left1, left2, right1, right2, subjectHead, objectHead, subjectFirst, objectFirst
    case nested, punctuation, betweenKinds, kindsFirstBetween, kindsLastBetween, onlyComma
    case subjectText, objectText, betweenFromStart, betweenFromEnd, subjectShape, objectShape
  }

  @inline(__always) private func emit(_ h: UInt64, into out: inout [UInt32]) {
    out.append(UInt32(truncatingIfNeeded: TextHash.mix(h) & ((1 << UInt64(bits)) - 1)))
  }

  @inline(__always) private func f(_ t: T, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) -> UInt64 {
    TextHash.combine(TextHash.combine(TextHash.combine(t.rawValue, a), b), c)
  }

  /// Bucket of a token distance.
  private static func bucket(_ n: Int) -> UInt64 {
    switch n {
    case ..<0: return 99
    case 0...3: return UInt64(n)
    case 4...5: return 4
    case 6...8: return 6
    case 9...12: return 9
    case 13...20: return 13
    default: return 21
    }
  }

  private static func kindCode(_ k: EntityKind) -> UInt64 {
    UInt64(EntityKind.allCases.firstIndex(of: k)! + 1)
  }

  /// Appends the feature rows of `candidate` to `out`.
  func features(
    _ candidate: RelationCandidate, in document: AnalyzedDocument, view: RelationTokenView,
    into out: inout [UInt32]
  ) {
    let mentions = document.mentions
    let sm = mentions[candidate.subject]
    let om = mentions[candidate.object]
    let st = view.mentionTokens[candidate.subject]
    let ot = view.mentionTokens[candidate.object]
    let sentence = document.sentences[candidate.sentence].tokens
    let subjectFirst = sm.start <= om.start
    let dir: UInt64 = subjectFirst ? 1 : 2
    let sk = Self.kindCode(sm.kind)
    let ok = Self.kindCode(om.kind)
    let kinds = sk << 4 | ok
    let first = subjectFirst ? st : ot
    let second = subjectFirst ? ot : st
    let words = view.words

    emit(f(.bias, 0), into: &out)
    emit(f(.kinds, kinds, dir), into: &out)
    var subjectText: UInt64 = 17
    for k in st { subjectText = TextHash.combine(subjectText, words[k]) }
    var objectText: UInt64 = 19
    for k in ot { objectText = TextHash.combine(objectText, words[k]) }
    emit(f(.subjectText, subjectText, ok), into: &out)
    emit(f(.objectText, objectText, sk), into: &out)
    emit(
      f(.subjectShape, UInt64(min(st.count, 4)), UInt64(st.isEmpty ? 9 : view.shapes[st.lowerBound]), sk), into: &out)
    emit(f(.objectShape, UInt64(min(ot.count, 4)), UInt64(ot.isEmpty ? 9 : view.shapes[ot.lowerBound]), ok), into: &out)
    if !st.isEmpty {
      emit(f(.subjectHead, words[st.upperBound - 1], dir), into: &out)
      emit(f(.subjectFirst, words[st.lowerBound]), into: &out)
    }
    if !ot.isEmpty {
      emit(f(.objectHead, words[ot.upperBound - 1], dir), into: &out)
      emit(f(.objectFirst, words[ot.lowerBound]), into: &out)
    }
    let nested = first.upperBound > second.lowerBound
    if nested {
      emit(f(.nested, kinds, dir, st.count < ot.count ? 1 : 2), into: &out)
    }
    // Around the pair.
    let l1 = first.lowerBound - 1
    if l1 >= sentence.lowerBound {
      emit(f(.left1, words[l1], dir), into: &out)
      if l1 - 1 >= sentence.lowerBound { emit(f(.left2, words[l1 - 1], words[l1], dir), into: &out) }
    } else {
      emit(f(.left1, 7, dir), into: &out)
    }
    let r1 = max(first.upperBound, second.upperBound)
    if r1 < sentence.upperBound {
      emit(f(.right1, words[r1], dir), into: &out)
      if r1 + 1 < sentence.upperBound { emit(f(.right2, words[r1], words[r1 + 1], dir), into: &out) }
    } else {
      emit(f(.right1, 7, dir), into: &out)
    }
    guard !nested else { return }
    // Between the arguments.
    let between = first.upperBound..<second.lowerBound
    let n = between.count
    emit(f(.distance, Self.bucket(n), kinds, dir), into: &out)
    var sequence: UInt64 = 11
    var shapeSeq: UInt64 = 13
    var punct: UInt64 = 0
    for (j, k) in between.enumerated() {
      let w = words[k]
      if j < 3 { emit(f(.betweenFromStart, w, UInt64(j), dir), into: &out) }
      if n - j <= 3 { emit(f(.betweenFromEnd, w, UInt64(n - j), dir), into: &out) }
      if j < 6 || n - j <= 6 {
        emit(f(.between, w, dir), into: &out)
        if k + 1 < between.upperBound { emit(f(.bigram, w, words[k + 1], dir), into: &out) }
      }
      if n <= 6 { sequence = TextHash.combine(sequence, w) }
      if n <= 8 { shapeSeq = TextHash.combine(shapeSeq, UInt64(view.shapes[k])) }
      if view.shapes[k] == RelationTokenView.Shape.punctuation { punct = TextHash.combine(punct, w) }
    }
    if n > 0 {
      emit(f(.firstBetween, words[between.lowerBound], dir), into: &out)
      emit(f(.lastBetween, words[between.upperBound - 1], dir), into: &out)
      emit(f(.kindsFirstBetween, words[between.lowerBound], kinds, dir), into: &out)
      emit(f(.kindsLastBetween, words[between.upperBound - 1], kinds, dir), into: &out)
    }
    if n <= 6 { emit(f(.sequence, sequence, kinds, dir), into: &out) }
    if n <= 8 { emit(f(.shapeSequence, shapeSeq, dir), into: &out) }
    emit(f(.punctuation, punct, dir), into: &out)
    // Mentions in between (by kind), counted on the sentence's mention list.
    let lo = min(candidate.subject, candidate.object)
    let hi = max(candidate.subject, candidate.object)
    var count: UInt64 = 0
    var kindMask: UInt64 = 0
    if hi - lo > 1 {
      for i in (lo + 1)..<hi where mentions[i].start >= mentions[lo].end && mentions[i].end <= mentions[hi].start {
        count += 1
        kindMask |= 1 << Self.kindCode(mentions[i].kind)
      }
    }
    emit(f(.mentionsBetween, min(count, 3), dir), into: &out)
    emit(f(.betweenKinds, kindMask, kinds, dir), into: &out)
  }

  /// The candidate pairs of `document`: ordered pairs of mentions of different entities in one sentence,
  /// at most ``maxMentionsApart`` mentions and ``maxGap`` tokens apart, demonyms left out.
  ///
  /// - Complexity: O(m · maxMentionsApart) for m mentions: linear in the document.
  static func candidates(in document: AnalyzedDocument, view: RelationTokenView) -> [RelationCandidate] {
    var out: [RelationCandidate] = []
    let mentions = document.mentions
    var i = 0
    while i < mentions.count {
      guard !mentions[i].isDemonym, let s = document.sentenceIndex(containing: mentions[i].start) else {
        i += 1
        continue
      }
      let sentence = document.sentences[s]
      var j = i + 1
      var apart = 0
      while j < mentions.count, mentions[j].start < sentence.end, apart < maxMentionsApart {
        apart += 1
        let a = mentions[i]
        let b = mentions[j]
        let gap = view.mentionTokens[j].lowerBound - view.mentionTokens[i].upperBound
        if gap > maxGap { break }
        if !b.isDemonym && a.entity != b.entity && b.end <= sentence.end {
          out.append(RelationCandidate(subject: i, object: j, sentence: s))
          out.append(RelationCandidate(subject: j, object: i, sentence: s))
        }
        j += 1
      }
      i += 1
    }
    return out
  }
}
