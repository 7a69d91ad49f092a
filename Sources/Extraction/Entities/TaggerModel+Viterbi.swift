/// Viterbi decoding under the BILOU constraints (``TaggerModel/allowedTable``).
extension TaggerModel {
  /// Viterbi over emission scores `emit[k * T + t]` with BILOU constraints.
  ///
  /// For the 17 tags, sixteen are scored at once: for each predecessor in increasing order, one vector add, compare
  /// and select does what the scalar loop does for each tag, keeping the first best predecessor (a strict `>`),
  /// and a forbidden pair adds `-infinity`, so it never wins, as the scalar loop never visits it. Every sum is the
  /// same float operation as in ``viterbiScalar(_:n:)``, so the tags are identical (a test checks).
  ///
  /// - Complexity: O(n · T²).
  func viterbi(_ emit: [Float], n: Int) -> [Int] {
    let T = TagSet.count
    guard n > 0 else { return [] }
    guard T == 17 else { return viterbiScalar(emit, n: n) }
    let negInf = -Float.greatestFiniteMagnitude
    var score = [Float](repeating: negInf, count: n * T)
    var back = [Int32](repeating: 0, count: n * T)
    // The transition scores, -infinity where forbidden: row p, from p to each tag, is read sixteen at a time.
    let allowed = Self.allowedTable
    var masked = [Float](repeating: -.infinity, count: T * T)
    for i in 0..<(T * T) where allowed[i] { masked[i] = transitions[i] }
    for t in 0..<T where allowed[TagSet.start * T + t] {
      score[t] = emit[t] + transitions[TagSet.start * T + t]
    }
    score.withUnsafeMutableBufferPointer { score in
      back.withUnsafeMutableBufferPointer { back in
        emit.withUnsafeBufferPointer { emit in
          masked.withUnsafeBufferPointer { masked in
            let rows = UnsafeRawPointer(masked.baseAddress!)
            @inline(__always) func row(_ p: Int) -> SIMD16<Float> {
              rows.loadUnaligned(fromByteOffset: p * T * 4, as: SIMD16<Float>.self)
            }
            // Lanes 1-15: a token whose only open tag is O (0) has these ruled out (the decoder skips tokens far
            // from capitals and digits this way).
            let notOutside = SIMDMask<SIMD16<Int32>>(
              SIMD16<Int32>(0, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1))
            for k in 1..<n {
              let prev = (k - 1) * T
              let cur = k * T
              let open = UnsafeRawPointer(emit.baseAddress! + cur).loadUnaligned(as: SIMD16<Float>.self) .> -1e5
              if open[0], !any(open .& notOutside), emit[cur + 16] <= -1e5 {
                // Only O is open: lane 0 of the loop below, alone.
                var best = negInf
                var arg: Int32 = 0
                for p in 0..<T {
                  let sp = score[prev + p]
                  if sp == negInf { continue }
                  let c = sp + masked[p * T]
                  if c > best {
                    best = c
                    arg = Int32(p)
                  }
                }
                if best > negInf {
                  score[cur] = best + emit[cur]
                  back[cur] = arg
                }
                continue
              }
              var best = SIMD16<Float>(repeating: negInf)
              var arg = SIMD16<Int32>(repeating: 0)
              var best16 = negInf
              var arg16: Int32 = 0
              for p in 0..<T {
                let sp = score[prev + p]
                if sp == negInf { continue }  // unreachable: the scalar loop skips it too
                let candidate = SIMD16<Float>(repeating: sp) + row(p)
                let better = candidate .> best
                best.replace(with: candidate, where: better)
                arg.replace(with: SIMD16<Int32>(repeating: Int32(p)), where: better)
                let c = sp + masked[p * T + 16]
                if c > best16 {
                  best16 = c
                  arg16 = Int32(p)
                }
              }
              // A tag ruled out for this token, or with no allowed predecessor, stays unreachable (its score and
              // back pointer as they were made: -greatestFiniteMagnitude and 0).
              let e16 = UnsafeRawPointer(emit.baseAddress! + cur).loadUnaligned(as: SIMD16<Float>.self)
              let reached = (e16 .> -1e5) .& (best .> negInf)
              let scores = SIMD16<Float>(repeating: negInf).replacing(with: best + e16, where: reached)
              let backs = SIMD16<Int32>(repeating: 0).replacing(with: arg, where: reached)
              UnsafeMutableRawPointer(score.baseAddress! + cur).storeBytes(of: scores, as: SIMD16<Float>.self)
              UnsafeMutableRawPointer(back.baseAddress! + cur).storeBytes(of: backs, as: SIMD16<Int32>.self)
              let e = emit[cur + 16]
              if e > -1e5 && best16 > negInf {
                score[cur + 16] = best16 + e
                back[cur + 16] = arg16
              }
            }
          }
        }
      }
    }
    return Self.bestPath(score, back, n: n)
  }

  /// ``viterbi(_:n:)`` one tag at a time: the reference the vector version must equal, and the decoder for a
  /// tag set of another size.
  func viterbiScalar(_ emit: [Float], n: Int) -> [Int] {
    let T = TagSet.count
    guard n > 0 else { return [] }
    let negInf = -Float.greatestFiniteMagnitude
    var score = [Float](repeating: negInf, count: n * T)
    var back = [Int32](repeating: 0, count: n * T)
    let (predecessors, predecessorStart) = Self.predecessors
    score.withUnsafeMutableBufferPointer { score in
      back.withUnsafeMutableBufferPointer { back in
        emit.withUnsafeBufferPointer { emit in
          transitions.withUnsafeBufferPointer { trans in
            Self.allowedTable.withUnsafeBufferPointer { allowed in
              for t in 0..<T where allowed[TagSet.start * T + t] {
                score[t] = emit[t] + trans[TagSet.start * T + t]
              }
              if n > 1 {
                for k in 1..<n {
                  let prev = (k - 1) * T
                  let cur = k * T
                  for t in 0..<T {
                    let e = emit[cur + t]
                    if e <= -1e5 { continue }  // a tag ruled out for this token
                    var best = negInf
                    var arg = 0
                    for p in predecessors[predecessorStart[t]..<predecessorStart[t + 1]] {
                      let sp = score[prev + p]
                      if sp == negInf { continue }
                      let v = sp + trans[p * T + t]
                      if v > best {
                        best = v
                        arg = p
                      }
                    }
                    if best > negInf {
                      score[cur + t] = best + e
                      back[cur + t] = Int32(arg)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    return Self.bestPath(score, back, n: n)
  }

  /// The tags of the best path ending in a tag that may end a sentence, followed back through `back`.
  static func bestPath(_ score: [Float], _ back: [Int32], n: Int) -> [Int] {
    guard n > 0 else { return [] }
    let T = TagSet.count
    let negInf = -Float.greatestFiniteMagnitude
    var bestLast = 0
    var bestScore = negInf
    for t in 0..<T where TagSet.canEnd(t) && score[(n - 1) * T + t] > bestScore {
      bestScore = score[(n - 1) * T + t]
      bestLast = t
    }
    var tags = [Int](repeating: 0, count: n)
    tags[n - 1] = bestLast
    var k = n - 1
    while k > 0 {
      tags[k - 1] = Int(back[k * TagSet.count + tags[k]])
      k -= 1
    }
    return tags
  }
}
