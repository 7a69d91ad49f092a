-- EXPLAIN ANALYZE of the two statements of `query mentions --kind country` (PostgresGraphStore.relationRows)
-- and the sizes they depend on: psql "$URL" -f Scripts/postgres-explain-mentions.sql
\timing on
SELECT current_database(), (SELECT COUNT(*) FROM document) AS documents, (SELECT COUNT(*) FROM statement WHERE predicate = 'mentioned') AS mentioned_statements, (SELECT COUNT(*) FROM relation WHERE predicate = 'mentioned') AS mentioned_relations, pg_size_pretty(pg_database_size(current_database())) AS size;
EXPLAIN (ANALYZE, BUFFERS) SELECT r.id, r.subject, r.predicate, r.object, se.kind, se.name, oe.kind, oe.name, s.doc, s.count, s.confidence
FROM relation r JOIN statement s ON s.relation_id = r.id JOIN entity se ON se.id = r.subject JOIN entity oe ON oe.id = r.object
WHERE r.predicate = 'mentioned' AND oe.kind = 'country' ORDER BY r.id, s.doc COLLATE "C";
EXPLAIN (ANALYZE, BUFFERS) SELECT DISTINCT ON (r.id) r.id, e.doc, e.start, e."end", e.text, e.sentence
FROM relation r JOIN statement s ON s.relation_id = r.id JOIN evidence e ON e.statement_id = s.id JOIN entity oe ON oe.id = r.object
WHERE r.predicate = 'mentioned' AND oe.kind = 'country' ORDER BY r.id, e.doc COLLATE "C", e.start, e."end", e.text COLLATE "C";
