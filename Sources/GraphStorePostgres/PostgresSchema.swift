import GraphStore

/// The PostgreSQL schema as a list of named migrations, applied in order and recorded in `schema_migration`.
///
/// The same tables, columns and keys as the SQLite schema (`GraphStore`'s `Schema`), in PostgreSQL's types:
/// identity columns instead of `INTEGER PRIMARY KEY`, `lower(…)` indexes instead of `COLLATE NOCASE`, and
/// `alias.seq` (the document's ingest order) so that alias lookups are index probes. Only
/// ever append to the end of the list; a table added to the SQLite schema (quotes, say) gets its migration
/// here too. A database that records a migration this list does not know was written by a newer EntityGraph
/// and is refused.
enum PostgresSchema {
  static let migrations: [(name: String, statements: [String])] = [
    (
      "v1-initial",
      [
        """
        CREATE TABLE document (
          id TEXT PRIMARY KEY, path TEXT NOT NULL, sha256 TEXT NOT NULL, length BIGINT NOT NULL,
          ingested_at TEXT NOT NULL, seq BIGINT NOT NULL UNIQUE)
        """,
        "CREATE INDEX document_path ON document(path)",
        """
        CREATE TABLE entity (
          id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, attributes TEXT NOT NULL,
          confidence DOUBLE PRECISION NOT NULL)
        """,
        "CREATE INDEX entity_kind ON entity(kind)",
        "CREATE INDEX entity_name ON entity(lower(name))",
        """
        CREATE TABLE local_entity (
          doc TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          local_id TEXT NOT NULL,
          entity_id TEXT NOT NULL REFERENCES entity(id) DEFERRABLE INITIALLY DEFERRED,
          kind TEXT NOT NULL, name TEXT NOT NULL, match_key TEXT NOT NULL, attributes TEXT NOT NULL,
          confidence DOUBLE PRECISION NOT NULL, seq BIGINT NOT NULL,
          PRIMARY KEY (doc, local_id))
        """,
        "CREATE INDEX local_entity_local_id ON local_entity(local_id, seq)",
        "CREATE INDEX local_entity_match_key ON local_entity(match_key, seq)",
        // (entity_id, local_id): also answers "does this entity have a local entity of the same id" in one probe.
        "CREATE INDEX local_entity_entity ON local_entity(entity_id, local_id)",
        "CREATE INDEX local_entity_name ON local_entity(lower(name))",
        """
        CREATE TABLE alias (
          doc TEXT NOT NULL, local_id TEXT NOT NULL, text TEXT NOT NULL, match_key TEXT NOT NULL,
          seq BIGINT NOT NULL,
          PRIMARY KEY (doc, local_id, text),
          FOREIGN KEY (doc, local_id) REFERENCES local_entity(doc, local_id) ON DELETE CASCADE)
        """,
        // The document's ingest order, copied from local_entity, so "the earliest earlier alias with this key"
        // is one index probe instead of a join over every alias with that key.
        "CREATE INDEX alias_match_key ON alias(match_key, seq)",
        "CREATE INDEX alias_text ON alias(lower(text))",
        """
        CREATE TABLE mention (
          id BIGSERIAL PRIMARY KEY, doc TEXT NOT NULL, local_id TEXT NOT NULL, start BIGINT NOT NULL,
          "end" BIGINT NOT NULL, text TEXT NOT NULL, sentence BIGINT,
          FOREIGN KEY (doc, local_id) REFERENCES local_entity(doc, local_id) ON DELETE CASCADE)
        """,
        "CREATE INDEX mention_local ON mention(doc, local_id)",
        """
        CREATE TABLE relation (
          id BIGSERIAL PRIMARY KEY,
          subject TEXT NOT NULL REFERENCES entity(id) DEFERRABLE INITIALLY DEFERRED,
          predicate TEXT NOT NULL,
          object TEXT NOT NULL REFERENCES entity(id) DEFERRABLE INITIALLY DEFERRED,
          confidence DOUBLE PRECISION NOT NULL, count BIGINT NOT NULL, document_count BIGINT NOT NULL,
          UNIQUE (subject, predicate, object))
        """,
        "CREATE INDEX relation_predicate ON relation(predicate)",
        "CREATE INDEX relation_object ON relation(object)",
        """
        CREATE TABLE statement (
          id BIGSERIAL PRIMARY KEY,
          doc TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          relation_id BIGINT NOT NULL REFERENCES relation(id) DEFERRABLE INITIALLY DEFERRED,
          subject_local TEXT NOT NULL, predicate TEXT NOT NULL, object_local TEXT NOT NULL,
          confidence DOUBLE PRECISION NOT NULL, count BIGINT NOT NULL, source TEXT NOT NULL)
        """,
        "CREATE INDEX statement_relation ON statement(relation_id, doc)",
        "CREATE INDEX statement_doc ON statement(doc)",
        """
        CREATE TABLE evidence (
          id BIGSERIAL PRIMARY KEY,
          statement_id BIGINT NOT NULL REFERENCES statement(id) ON DELETE CASCADE,
          doc TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          start BIGINT NOT NULL, "end" BIGINT NOT NULL, text TEXT NOT NULL, sentence BIGINT)
        """,
        "CREATE INDEX evidence_statement ON evidence(statement_id)",
        "CREATE INDEX evidence_doc ON evidence(doc)",
        """
        CREATE TABLE decision (
          id BIGSERIAL PRIMARY KEY, action TEXT NOT NULL, a TEXT NOT NULL, b TEXT, decided_at TEXT NOT NULL)
        """,
      ]
    ),
    (
      // Quote records, as in the SQLite store's v2-quotes: speaker and mentions are local ids.
      "v2-quotes",
      [
        """
        CREATE TABLE quote (
          doc TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
          id TEXT NOT NULL,
          start BIGINT NOT NULL, "end" BIGINT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
          speaker_local TEXT,
          speaker_mention_start BIGINT, speaker_mention_end BIGINT, speaker_mention_text TEXT,
          cue_start BIGINT, cue_end BIGINT, cue_text TEXT,
          embedded_in TEXT, mentions_local TEXT[] NOT NULL, confidence DOUBLE PRECISION NOT NULL, source TEXT NOT NULL,
          PRIMARY KEY (doc, id))
        """,
        "CREATE INDEX quote_speaker ON quote(doc, speaker_local)",
      ]
    ),
    (
      // How a mention names its entity when not by name ("demonym"), as in the SQLite store's v3-mention-form.
      "v3-mention-form",
      ["ALTER TABLE mention ADD COLUMN form TEXT"]
    ),
  ]

  /// Applies the missing migrations, one process at a time (under an advisory lock).
  ///
  /// - Throws: ``StoreError`` `.newerSchema` for a database written by a newer version (left unchanged), or
  ///   `.database` when a migration fails.
  static func migrate(_ session: PostgresSession, location: String) throws {
    try session.transaction {
      try session.query("SELECT pg_advisory_xact_lock(\(PostgresGraphStore.LockClass.store.rawValue), 1)")
      try session.query(
        "CREATE TABLE IF NOT EXISTS schema_migration (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
      )
      let applied: [String] = try session.query("SELECT name FROM schema_migration ORDER BY applied_at, name").map {
        try $0[0]
      }
      let known = migrations.map(\.name)
      let unknown = applied.filter { !known.contains($0) }
      if !unknown.isEmpty {
        throw StoreError(
          .newerSchema,
          "the database \(location) was written by a newer EntityGraph (migrations \(unknown.joined(separator: ", ")); "
            + "this version knows up to \(known.last ?? "none")); upgrade entitygraph to use it, or use another database; the database was not changed"
        )
      }
      for migration in migrations where !applied.contains(migration.name) {
        for statement in migration.statements { try session.query(statement) }
        try session.query("INSERT INTO schema_migration (name) VALUES ($1)", [.text(migration.name)])
      }
    }
  }
}
