/// Per-token hashes and flags, computed once per document, from which the tagger's feature ids are built.
struct TokenInfo: Sendable {
  var word: UInt64 = 0
  var lower: UInt64 = 0
  var shape: UInt64 = 0
  var prefix1: UInt64 = 0
  var prefix2: UInt64 = 0
  var prefix3: UInt64 = 0
  var suffix1: UInt64 = 0
  var suffix2: UInt64 = 0
  var suffix3: UInt64 = 0
  var suffix4: UInt64 = 0
  var flags: TokenFlags = []
  /// Gazetteer categories of phrases covering the token.
  var inside: UInt32 = 0
  /// Gazetteer categories of phrases starting at the token.
  var starts: UInt32 = 0
  /// Contexts in which this word occurs capitalized anywhere in the document (see ``DocumentContext``).
  var documentContexts: UInt32 = 0
  /// The word's unsupervised classes and capitalization prior (``WordClass``), 0 when unknown.
  var wordClass: UInt32 = 0
}

/// Orthographic and document-level flags of a token.
struct TokenFlags: OptionSet, Sendable {
  let rawValue: UInt32
  static let initialCap = TokenFlags(rawValue: 1 << 0)
  static let allCaps = TokenFlags(rawValue: 1 << 1)
  static let hasDigit = TokenFlags(rawValue: 1 << 2)
  static let allDigits = TokenFlags(rawValue: 1 << 3)
  static let noAlnum = TokenFlags(rawValue: 1 << 4)
  static let sentenceInitial = TokenFlags(rawValue: 1 << 5)
  /// The lower-case form of this capitalized word also occurs in lower case in the document.
  static let alsoLower = TokenFlags(rawValue: 1 << 6)
  /// This word occurs capitalized somewhere in the document not at a sentence start.
  static let capitalizedMidSentence = TokenFlags(rawValue: 1 << 7)
  static let innerPunct = TokenFlags(rawValue: 1 << 8)
  static let singleChar = TokenFlags(rawValue: 1 << 9)
  static let quote = TokenFlags(rawValue: 1 << 10)
  /// Starts with a lower-case letter.
  static let lowerInitial = TokenFlags(rawValue: 1 << 11)
  /// The previous token is a title word ("Dr.", "President").
  static let afterTitle = TokenFlags(rawValue: 1 << 12)
}

/// Computes token hashes, flags and gazetteer bits for a whole document (or a training document).
enum TokenAnalyzer {
  /// Analyzes the tokens `ranges` of the text `s`, split into sentences `sentences` (token index ranges).
  static func analyze(
    _ s: [Unicode.Scalar], ranges: [Range<Int>], sentences: [Range<Int>], lexicon: Lexicon
  ) -> [TokenInfo] {
    var infos = [TokenInfo](repeating: TokenInfo(), count: ranges.count)
    // Per lower-case word: 1 when it occurs in lower case, 2 when capitalized away from a sentence start.
    var seen = PhraseTable()
    seen.reserveCapacity(ranges.count)
    var sentenceStart = [Bool](repeating: false, count: ranges.count)
    for sent in sentences where !sent.isEmpty {
      // The first word of a sentence (after opening quotes/brackets) is sentence-initial.
      var k = sent.lowerBound
      while k < sent.upperBound, !isAlnum(s[ranges[k].lowerBound]) { k += 1 }
      if k < sent.upperBound { sentenceStart[k] = true }
    }
    for (i, r) in ranges.enumerated() {
      var info = TokenInfo()
      var word = TextHash.seed
      var lower = TextHash.seed
      var shape = TextHash.seed
      var lastShape: UInt8 = 0
      var shapeRun = 0
      var letters = 0
      var uppers = 0
      var digits = 0
      var others = 0
      var flags: TokenFlags = []
      let len = r.count
      var p1 = TextHash.seed
      var p2 = TextHash.seed
      var p3 = TextHash.seed
      for (j, idx) in r.enumerated() {
        let c = s[idx]
        TextHash.feed(&word, scalar: c)
        let l = TextHash.lower(c)
        TextHash.feed(&lower, scalar: l)
        if j < 1 { TextHash.feed(&p1, scalar: l) }
        if j < 2 { TextHash.feed(&p2, scalar: l) }
        if j < 3 { TextHash.feed(&p3, scalar: l) }
        let sh: UInt8
        if CharClass.isDigit(c) {
          digits += 1
          sh = UInt8(ascii: "d")
        } else if CharClass.isLetter(c) {
          letters += 1
          if CharClass.isUpper(c) {
            uppers += 1
            sh = UInt8(ascii: "X")
          } else {
            sh = UInt8(ascii: "x")
          }
        } else {
          others += 1
          sh = c.value < 128 ? UInt8(truncatingIfNeeded: c.value) : UInt8(ascii: "*")
          if j > 0 && j < len - 1 { flags.insert(.innerPunct) }
        }
        if sh == lastShape {
          shapeRun += 1
        } else {
          shapeRun = 1
          lastShape = sh
        }
        if shapeRun <= 2 { TextHash.feed(&shape, sh) }
      }
      let lo = r.lowerBound
      @inline(__always) func suffixHash(_ k: Int) -> UInt64 {
        var x = TextHash.seed
        for idx in max(lo, r.upperBound - k)..<r.upperBound { TextHash.feed(&x, scalar: TextHash.lower(s[idx])) }
        return x
      }
      let s1 = suffixHash(1)
      let s2 = suffixHash(2)
      let s3 = suffixHash(3)
      let s4 = suffixHash(4)
      info.word = word
      info.lower = lower
      info.shape = shape
      info.prefix1 = p1
      info.prefix2 = p2
      info.prefix3 = p3
      info.suffix1 = s1
      info.suffix2 = s2
      info.suffix3 = s3
      info.suffix4 = s4
      if len > 0 {
        let first = s[lo]
        if CharClass.isUpper(first) { flags.insert(.initialCap) }
        if CharClass.isLetter(first) && !CharClass.isUpper(first) { flags.insert(.lowerInitial) }
        if CharClass.isQuote(first) && len == 1 { flags.insert(.quote) }
      }
      if letters >= 2 && uppers == letters { flags.insert(.allCaps) }
      if digits > 0 { flags.insert(.hasDigit) }
      if digits == len && len > 0 { flags.insert(.allDigits) }
      if letters == 0 && digits == 0 { flags.insert(.noAlnum) }
      if len == 1 { flags.insert(.singleChar) }
      if sentenceStart[i] { flags.insert(.sentenceInitial) }
      info.flags = flags
      infos[i] = info
      if flags.contains(.lowerInitial) { seen.insert(lower, bits: 1) }
      if flags.contains(.initialCap) && !sentenceStart[i] { seen.insert(lower, bits: 2) }
    }
    var lowers = [UInt64](repeating: 0, count: infos.count)
    for i in infos.indices {
      lowers[i] = infos[i].lower
      if infos[i].flags.contains(.initialCap) {
        let ways = seen.entry(infos[i].lower) ?? 0
        if ways & 1 != 0 { infos[i].flags.insert(.alsoLower) }
        if ways & 2 != 0 { infos[i].flags.insert(.capitalizedMidSentence) }
      }
    }
    var inside = [UInt32](repeating: 0, count: infos.count)
    var starts = [UInt32](repeating: 0, count: infos.count)
    var classes = [UInt32](repeating: 0, count: infos.count)
    var marked = 0
    // Sentences do not overlap: each marks its own tokens in place.
    for sent in sentences where !sent.isEmpty {
      lexicon.mark(lower: lowers[sent], inside: &inside, starts: &starts, classes: &classes)
      marked += sent.count
    }
    // Tokens outside every sentence (none, when the sentences cover the text) get their class on their own.
    if marked != infos.count {
      for i in infos.indices where classes[i] == 0 { classes[i] = lexicon.wordClass(lowers[i]) }
    }
    for i in infos.indices {
      infos[i].inside = inside[i]
      infos[i].starts = starts[i]
      infos[i].wordClass = classes[i]
      if i > 0, inside[i - 1] & Lexicon.Category.title.rawValue != 0,
        infos[i].flags.contains(.initialCap)
      {
        infos[i].flags.insert(.afterTitle)
      }
    }
    // Pool the contexts of each capitalized word over the document.
    var pooled = PhraseTable()
    pooled.reserveCapacity(ranges.count / 4)
    let context = lexicon.documentContext
    let titleBit = Lexicon.Category.title.rawValue
    let orgBit = Lexicon.Category.orgWord.rawValue
    let firstNameBit = Lexicon.Category.firstName.rawValue
    let placeWordBit = Lexicon.Category.placeWord.rawValue
    let locative = DocumentContext.bit(.locative)
    let the = DocumentContext.bit(.the)
    let of = DocumentContext.bit(.of)
    let speech = DocumentContext.bit(.speech)
    let possessive = DocumentContext.bit(.possessive)
    let nonPerson = DocumentContext.bit(.nonPerson)
    let opener = DocumentContext.bit(.opener)
    let organizationNoun = DocumentContext.bit(.organizationNoun)
    let organizationRole = DocumentContext.bit(.organizationRole)
    let article = DocumentContext.bit(.article)
    let by = DocumentContext.bit(.by)
    for sent in sentences {
      for i in sent where infos[i].flags.contains(.initialCap) {
        var bits: UInt32 = 0
        let prev = i > sent.lowerBound ? infos[i - 1] : nil
        let next = i + 1 < sent.upperBound ? infos[i + 1] : nil
        let before = prev.map { context.categories($0.lower) } ?? 0
        if let p = prev {
          if before & locative != 0 { bits |= 1 << 0 }
          if p.inside & titleBit != 0 && p.flags.contains(.initialCap) { bits |= 1 << 1 }
          if before & the != 0 { bits |= 1 << 3 }
          if p.inside & firstNameBit != 0 && p.flags.contains(.initialCap) { bits |= 1 << 6 }
          if before & of != 0 { bits |= 1 << 12 }
          if p.flags.contains(.initialCap) { bits |= 1 << 13 }
        }
        if let n = next {
          let after = context.categories(n.lower)
          if after & speech != 0 { bits |= 1 << 2 }
          if after & possessive != 0 { bits |= 1 << 4 }
          if n.inside & orgBit != 0 && n.flags.contains(.initialCap) { bits |= 1 << 5 }
          if n.flags.contains(.initialCap) { bits |= 1 << 7 }
          if after & nonPerson != 0 { bits |= 1 << 8 }
          if n.inside & placeWordBit != 0 && n.flags.contains(.initialCap) { bits |= 1 << 9 }
          if after & opener != 0 { bits |= 1 << 10 }
        }
        // Organization contexts: "the company X", "the CEO of X", "X, a company …", "by X".
        if let p = prev, !p.flags.contains(.initialCap), before & organizationNoun != 0 {
          bits |= 1 << 14
        }
        if i >= sent.lowerBound + 2, before & of != 0,
          context.categories(infos[i - 2].lower) & organizationRole != 0
        {
          bits |= 1 << 15
        }
        if i + 3 < sent.upperBound, infos[i + 1].flags.contains(.noAlnum),
          context.categories(infos[i + 2].lower) & article != 0
        {
          for j in (i + 3)..<min(sent.upperBound, i + 6)
          where context.categories(infos[j].lower) & organizationNoun != 0 {
            bits |= 1 << 16
            break
          }
        }
        if before & by != 0 { bits |= 1 << 17 }
        if prev.map({ !$0.flags.contains(.initialCap) }) ?? true, next.map({ !$0.flags.contains(.initialCap) }) ?? true
        {
          bits |= 1 << 11
        }
        pooled.insert(infos[i].lower, bits: bits)
      }
    }
    for i in infos.indices where infos[i].flags.contains(.initialCap) {
      infos[i].documentContexts = pooled.entry(infos[i].lower) ?? 0
    }
    return infos
  }

  @inline(__always) static func isAlnum(_ c: Unicode.Scalar) -> Bool {
    CharClass.isLetter(c) || CharClass.isDigit(c)
  }
}

/// Turns token infos into hashed feature ids (row indices of the weight table).
struct FeatureExtractor: Sendable {
  /// Number of hash bits: the weight table has `1 << bits` rows.
  let bits: Int
  var mask: UInt64 { (1 << UInt64(bits)) - 1 }

  static let boundary: UInt64 = 0x5EED_B0B0_CAFE_F00D

  /// Appends the feature row indices of token `i` of the sentence `sent` (indices into `infos`) to `out`.
  @inline(__always)
  func features(_ infos: [TokenInfo], sentence sent: Range<Int>, at i: Int, into out: inout [UInt32]) {
    let m = mask
    @inline(__always) func add(_ template: UInt64, _ value: UInt64) {
      out.append(UInt32(truncatingIfNeeded: TextHash.mix(value ^ (template &* 0xA24B_AED4_963E_E407)) & m))
    }
    let t = infos[i]
    let hasPrev = i > sent.lowerBound
    let hasPrev2 = i > sent.lowerBound + 1
    let hasNext = i + 1 < sent.upperBound
    let hasNext2 = i + 2 < sent.upperBound
    let pLower = hasPrev ? infos[i - 1].lower : Self.boundary
    let p2Lower = hasPrev2 ? infos[i - 2].lower : Self.boundary
    let nLower = hasNext ? infos[i + 1].lower : Self.boundary
    let n2Lower = hasNext2 ? infos[i + 2].lower : Self.boundary
    let pShape = hasPrev ? infos[i - 1].shape : Self.boundary
    let nShape = hasNext ? infos[i + 1].shape : Self.boundary
    let pFlags = hasPrev ? UInt64(infos[i - 1].flags.rawValue & 0x1F) : 0xFFFF
    let nFlags = hasNext ? UInt64(infos[i + 1].flags.rawValue & 0x1F) : 0xFFFF
    add(1, 0)  // bias
    add(2, t.word)
    add(3, t.lower)
    add(4, t.shape)
    add(5, t.prefix1)
    add(6, t.prefix2)
    add(7, t.prefix3)
    add(8, t.suffix1)
    add(9, t.suffix2)
    add(10, t.suffix3)
    add(11, t.suffix4)
    add(12, pLower)
    add(13, nLower)
    add(14, p2Lower)
    add(15, n2Lower)
    add(16, pShape)
    add(17, nShape)
    add(18, TextHash.combine(pShape, t.shape))
    add(19, TextHash.combine(t.shape, nShape))
    add(20, TextHash.combine(pLower, t.lower))
    add(21, TextHash.combine(t.lower, nLower))
    add(22, UInt64(t.flags.rawValue))
    add(23, pFlags << 32 | UInt64(t.flags.rawValue & 0x1F) << 16 | nFlags)
    add(24, TextHash.combine(pLower, t.shape))
    add(25, TextHash.combine(t.shape, nLower))
    add(26, TextHash.combine(p2Lower, pLower))
    add(27, TextHash.combine(nLower, n2Lower))
    add(28, UInt64(t.flags.rawValue) << 32 | UInt64(t.inside))
    // Gazetteer categories of this token and its neighbours, one feature per category.
    /// One feature per set bit of `bits`, numbered from `base`.
    @inline(__always) func addBits(_ bits: UInt32, from base: UInt64) {
      var rest = bits
      while rest != 0 {
        add(base + UInt64(rest.trailingZeroBitCount), 1)
        rest &= rest - 1
      }
    }
    addBits(t.inside, from: 40)
    addBits(t.starts, from: 60)
    if hasPrev { addBits(infos[i - 1].inside, from: 80) }
    if hasNext { addBits(infos[i + 1].inside, from: 100) }
    addBits(t.documentContexts, from: 140)
    if hasNext2 { addBits(infos[i + 2].inside, from: 120) }
    // Unsupervised word classes of this token and its neighbours, and its capitalization prior.
    let wc = t.wordClass
    let pClass = hasPrev ? infos[i - 1].wordClass : 0
    let nClass = hasNext ? infos[i + 1].wordClass : 0
    let initial = UInt64(t.flags.rawValue & (TokenFlags.initialCap.rawValue | TokenFlags.sentenceInitial.rawValue))
    add(29, WordClass.fine(wc))
    add(30, WordClass.coarse(wc))
    add(31, hasPrev ? WordClass.fine(pClass) : 0xFFFF)
    add(32, hasNext ? WordClass.fine(nClass) : 0xFFFF)
    add(33, WordClass.capitalization(wc) << 8 | initial)
    add(34, (hasPrev ? WordClass.coarse(pClass) : 0xFF) << 8 | WordClass.coarse(wc))
    add(35, WordClass.coarse(wc) << 8 | (hasNext ? WordClass.coarse(nClass) : 0xFF))
    add(36, WordClass.fine(wc) << 16 | initial)
  }
}
