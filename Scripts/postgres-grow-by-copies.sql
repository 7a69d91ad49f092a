-- Used for docs/scaling.md: psql "$URL" -f Scripts/postgres-grow-by-copies.sql (run on a copy of a benchmark database).
-- Grows a 10k-document store to 10× by copying every document's rows under new ids (doc~k) and new seqs;
-- entities and relations are shared, their aggregates recomputed. For size and query-latency growth only.
\timing on
DO $$
DECLARE k int; n bigint; maxseq bigint;
BEGIN
  SELECT MAX(seq) INTO maxseq FROM document;
  FOR k IN 1..9 LOOP
    INSERT INTO document SELECT id || '~' || k, path || '~' || k, sha256, length, ingested_at, seq + k * maxseq FROM document WHERE id NOT LIKE '%~%';
    INSERT INTO local_entity SELECT doc || '~' || k, local_id, entity_id, kind, name, match_key, attributes, confidence, seq + k * maxseq FROM local_entity WHERE doc NOT LIKE '%~%';
    INSERT INTO alias SELECT doc || '~' || k, local_id, text, match_key, seq + k * maxseq FROM alias WHERE doc NOT LIKE '%~%';
    INSERT INTO mention (doc, local_id, start, "end", text, sentence) SELECT doc || '~' || k, local_id, start, "end", text, sentence FROM mention WHERE doc NOT LIKE '%~%';
    SELECT COALESCE(MAX(id), 0) INTO n FROM statement;
    INSERT INTO statement SELECT id + k * n, doc || '~' || k, relation_id, subject_local, predicate, object_local, confidence, count, source FROM statement WHERE doc NOT LIKE '%~%' AND id <= n;
    INSERT INTO evidence (statement_id, doc, start, "end", text, sentence) SELECT statement_id + k * n, doc || '~' || k, start, "end", text, sentence FROM evidence WHERE doc NOT LIKE '%~%';
  END LOOP;
END $$;
UPDATE relation r SET count = a.c, document_count = a.d FROM (SELECT relation_id, SUM(count)::bigint c, COUNT(DISTINCT doc) d FROM statement GROUP BY relation_id) a WHERE r.id = a.relation_id;
SELECT setval(pg_get_serial_sequence('statement', 'id'), (SELECT MAX(id) FROM statement));
VACUUM ANALYZE;
