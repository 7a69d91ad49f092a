/// Document-level codes for the tagger's second pass, from the first pass's tags over the whole document:
/// per token its own first-pass tag, and how the same word and the same name were typed elsewhere in the
/// document (majority type, set of types, whether it also stands outside every name), so that one name
/// repeated in a document is typed from all its contexts at once.
///
/// Code layout: bits 0–4 own first-pass tag; 5–7 majority type of the word over the document (0 none,
/// 1 + type); 8–11 the set of types the word was given; bit 12 the capitalized word also occurs outside
/// every name; 13–14 how often the word was tagged (1, 2–3, 4+); 16–18 majority type of the whole name
/// the token is tagged in (0 none).
enum StackCodes {
  /// Codes for every token of a document; `tags[k]` are the first-pass tags of sentence `sentences[k]`.
  static func compute(_ infos: [TokenInfo], sentences: [Range<Int>], tags: [[Int]]) -> [UInt32] {
    var codes = [UInt32](repeating: 0, count: infos.count)
    var own = [Int](repeating: 0, count: infos.count)
    for (k, r) in sentences.enumerated() where k < tags.count && tags[k].count == r.count {
      for (j, i) in r.enumerated() { own[i] = tags[k][j] }
    }
    // Per word: counts per type, and capitalized occurrences outside names.
    var wordCounts: [UInt64: SIMD8<Int32>] = [:]
    // Per name (phrase hash): counts per type.
    var phraseCounts: [UInt64: SIMD4<Int32>] = [:]
    var phraseOf = [UInt64](repeating: 0, count: infos.count)
    for i in infos.indices {
      let t = own[i]
      if t != 0 {
        wordCounts[infos[i].lower, default: .zero][TagSet.type(of: t)] += 1
      } else if infos[i].flags.contains(.initialCap) {
        wordCounts[infos[i].lower, default: .zero][4] += 1
      }
    }
    for (k, r) in sentences.enumerated() where k < tags.count && tags[k].count == r.count {
      for s in TagSet.spans(tags[k]) {
        var h: UInt64 = 0
        for i in (r.lowerBound + s.start)..<(r.lowerBound + s.end) { h = TextHash.combine(h, infos[i].lower) }
        phraseCounts[h, default: .zero][s.type] += 1
        for i in (r.lowerBound + s.start)..<(r.lowerBound + s.end) { phraseOf[i] = h }
      }
    }
    @inline(__always) func majority(_ v: SIMD4<Int32>) -> UInt32 {
      var best = 0
      var arg = -1
      for t in 0..<4 where v[t] > best {
        best = Int(v[t])
        arg = t
      }
      return UInt32(arg + 1)
    }
    for i in infos.indices {
      var code = UInt32(own[i])
      if let w = wordCounts[infos[i].lower] {
        let typed = SIMD4<Int32>(w[0], w[1], w[2], w[3])
        code |= majority(typed) << 5
        var set: UInt32 = 0
        for t in 0..<4 where typed[t] > 0 { set |= 1 << t }
        code |= set << 8
        if w[4] > 0 && infos[i].flags.contains(.initialCap) { code |= 1 << 12 }
        let n = typed.wrappedSum()
        code |= (n == 0 ? 0 : n == 1 ? 1 : n <= 3 ? 2 : 3) << 13
      }
      if own[i] != 0, let p = phraseCounts[phraseOf[i]] { code |= majority(p) << 16 }
      codes[i] = code
    }
    return codes
  }
}

extension FeatureExtractor {
  /// Appends the second pass's document-level features of token `i` (see ``StackCodes``).
  @inline(__always)
  func stackFeatures(
    _ codes: [UInt32], _ infos: [TokenInfo], sentence sent: Range<Int>, at i: Int, into out: inout [UInt32]
  ) {
    let m = mask
    @inline(__always) func add(_ template: UInt64, _ value: UInt64) {
      out.append(UInt32(truncatingIfNeeded: TextHash.mix(value ^ (template &* 0xA24B_AED4_963E_E407)) & m))
    }
    let c = UInt64(codes[i])
    let ownTag = c & 0x1F
    let major = (c >> 5) & 0x7
    let set = (c >> 8) & 0xF
    let outside = (c >> 12) & 1
    let count = (c >> 13) & 3
    let phrase = (c >> 16) & 7
    let prevTag = i > sent.lowerBound ? UInt64(codes[i - 1] & 0x1F) : 31
    let nextTag = i + 1 < sent.upperBound ? UInt64(codes[i + 1] & 0x1F) : 31
    add(200, ownTag)
    add(201, major << 2 | count)
    add(202, set << 1 | outside)
    add(203, major << 5 | ownTag)
    add(204, prevTag << 5 | ownTag)
    add(205, ownTag << 5 | nextTag)
    add(206, phrase << 5 | ownTag)
    add(207, phrase << 3 | major)
    add(208, set << 5 | ownTag)
  }
}
