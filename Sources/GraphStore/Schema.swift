import GRDB

/// The store's schema as a list of named migrations. Only ever append to the end of this list.
///
/// Layout: `document` rows own everything extracted from them. `local_entity` is an entity as one
/// document's extractor saw it (with its `alias`es and `mention`s); `entity_id` says which store-wide
/// `entity` it was merged into. `statement` is a relation as one document states it (with its
/// `evidence`), and `relation_id` is the store-wide `relation` it counts towards. Deleting a document
/// cascades to all of those rows; entities and relations left without local facts are then deleted.
/// `decision` keeps the manual merges and splits, which every later resolution replays. `quote` holds a
/// document's quote records; its speaker and mentions are local ids, so merges and splits are followed
/// through `local_entity` when a graph is read.
enum Schema {
  /// The schema version this code writes (`PRAGMA user_version`): the number of migrations below.
  static let version = 3
  /// The names of the migrations below.
  static let migrationNames: Set<String> = ["v1-initial", "v2-quotes", "v3-mention-form"]

  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-initial") { db in
      try db.execute(
        sql: """
          CREATE TABLE document (
            id TEXT PRIMARY KEY NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            length INTEGER NOT NULL,
            ingested_at TEXT NOT NULL,
            seq INTEGER NOT NULL
          );
          CREATE INDEX document_path ON document(path);
          CREATE INDEX document_seq ON document(seq);

          CREATE TABLE entity (
            id TEXT PRIMARY KEY NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            attributes TEXT NOT NULL,
            confidence REAL NOT NULL
          );
          CREATE INDEX entity_kind ON entity(kind);
          CREATE INDEX entity_name ON entity(name COLLATE NOCASE);

          CREATE TABLE local_entity (
            doc TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            local_id TEXT NOT NULL,
            entity_id TEXT NOT NULL REFERENCES entity(id) DEFERRABLE INITIALLY DEFERRED,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            match_key TEXT NOT NULL,
            attributes TEXT NOT NULL,
            confidence REAL NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (doc, local_id)
          );
          CREATE INDEX local_entity_local_id ON local_entity(local_id, seq);
          CREATE INDEX local_entity_match_key ON local_entity(match_key, seq);
          CREATE INDEX local_entity_entity ON local_entity(entity_id);

          CREATE TABLE alias (
            doc TEXT NOT NULL,
            local_id TEXT NOT NULL,
            text TEXT NOT NULL,
            match_key TEXT NOT NULL,
            PRIMARY KEY (doc, local_id, text),
            FOREIGN KEY (doc, local_id) REFERENCES local_entity(doc, local_id) ON DELETE CASCADE
          );
          CREATE INDEX alias_match_key ON alias(match_key);

          CREATE TABLE mention (
            id INTEGER PRIMARY KEY,
            doc TEXT NOT NULL,
            local_id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            sentence INTEGER,
            FOREIGN KEY (doc, local_id) REFERENCES local_entity(doc, local_id) ON DELETE CASCADE
          );
          CREATE INDEX mention_local ON mention(doc, local_id);

          CREATE TABLE relation (
            id INTEGER PRIMARY KEY,
            subject TEXT NOT NULL REFERENCES entity(id) DEFERRABLE INITIALLY DEFERRED,
            predicate TEXT NOT NULL,
            object TEXT NOT NULL REFERENCES entity(id) DEFERRABLE INITIALLY DEFERRED,
            confidence REAL NOT NULL,
            count INTEGER NOT NULL,
            document_count INTEGER NOT NULL,
            UNIQUE (subject, predicate, object)
          );
          CREATE INDEX relation_predicate ON relation(predicate);
          CREATE INDEX relation_object ON relation(object);

          CREATE TABLE statement (
            id INTEGER PRIMARY KEY,
            doc TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            relation_id INTEGER NOT NULL REFERENCES relation(id) DEFERRABLE INITIALLY DEFERRED,
            subject_local TEXT NOT NULL,
            predicate TEXT NOT NULL,
            object_local TEXT NOT NULL,
            confidence REAL NOT NULL,
            count INTEGER NOT NULL,
            source TEXT NOT NULL
          );
          CREATE INDEX statement_relation ON statement(relation_id, doc);
          CREATE INDEX statement_doc ON statement(doc);

          CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            statement_id INTEGER NOT NULL REFERENCES statement(id) ON DELETE CASCADE,
            doc TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            sentence INTEGER
          );
          CREATE INDEX evidence_statement ON evidence(statement_id);
          CREATE INDEX evidence_doc ON evidence(doc);

          CREATE TABLE decision (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            a TEXT NOT NULL,
            b TEXT,
            decided_at TEXT NOT NULL
          );
          """)
    }
    migrator.registerMigration("v2-quotes") { db in
      try db.execute(
        sql: """
          CREATE TABLE quote (
            doc TEXT NOT NULL REFERENCES document(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            kind TEXT NOT NULL,
            speaker_local TEXT,
            speaker_mention_start INTEGER,
            speaker_mention_end INTEGER,
            speaker_mention_text TEXT,
            cue_start INTEGER,
            cue_end INTEGER,
            cue_text TEXT,
            embedded_in TEXT,
            mentions_local TEXT NOT NULL,
            confidence REAL NOT NULL,
            source TEXT NOT NULL,
            PRIMARY KEY (doc, id)
          );
          CREATE INDEX quote_speaker ON quote(doc, speaker_local);
          """)
    }
    // How a mention names its entity when not by name ("demonym"); NULL for names. Older stores' rows stay NULL.
    migrator.registerMigration("v3-mention-form") { db in
      try db.execute(sql: "ALTER TABLE mention ADD COLUMN form TEXT")
    }
    return migrator
  }
}
