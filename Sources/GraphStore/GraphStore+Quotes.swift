import DocumentModel
import GRDB

extension GraphStore {
  /// Every quote record of the store, with speakers and mentions as store entities (merges and splits
  /// followed), sorted as in a graph.
  public func quotes() throws -> [QuoteRecord] {
    try read { db in try GraphStore.loadQuotes(document: nil, db: db) }
  }

  /// The quote records of `document` (all documents when `nil`), speakers and mentions mapped from each
  /// document's local entities to the store entities they were merged into.
  static func loadQuotes(document: String?, db: Database) throws -> [QuoteRecord] {
    let arguments: StatementArguments = document.map { [$0] } ?? []
    // (doc, local id) → store entity, for the documents that have quotes.
    var globalOf: [String: [String: String]] = [:]
    let locals = try Row.fetchCursor(
      db,
      sql: document == nil
        ? "SELECT doc, local_id, entity_id FROM local_entity WHERE doc IN (SELECT doc FROM quote)"
        : "SELECT doc, local_id, entity_id FROM local_entity WHERE doc = ?",
      arguments: arguments)
    while let row = try locals.next() { globalOf[row[0], default: [:]][row[1]] = row[2] }
    var out: [QuoteRecord] = []
    let cursor = try Row.fetchCursor(
      db,
      sql: """
        SELECT doc, id, start, "end", text, kind, speaker_local, speaker_mention_start, speaker_mention_end,
          speaker_mention_text, cue_start, cue_end, cue_text, embedded_in, mentions_local, confidence, source
        FROM quote \(document == nil ? "" : "WHERE doc = ?")
        """, arguments: arguments)
    while let row = try cursor.next() {
      let d: String = row[0]
      let locals = globalOf[d] ?? [:]
      let speakerLocal: String? = row[6]
      let mentions = AttributeCoding.decodeList(row[14]).compactMap { locals[$0] }.map(EntityID.init(rawValue:))
      let speaker = speakerLocal.flatMap { locals[$0] }.map(EntityID.init(rawValue:))
      out.append(
        QuoteRecord(
          id: row[1], doc: d, start: row[2], end: row[3], text: row[4],
          kind: QuoteRecord.Kind(rawValue: row[5]) ?? .direct, speaker: speaker,
          speakerMention: QuoteRecord.Span(start: row[7] as Int?, end: row[8] as Int?, text: row[9] as String?),
          cue: QuoteRecord.Span(start: row[10] as Int?, end: row[11] as Int?, text: row[12] as String?),
          embeddedIn: row[13], mentions: Array(Set(mentions)).filter { $0 != speaker }.sorted(), confidence: row[15],
          source: row[16]))
    }
    return out.sorted()
  }
}
