-- Import speed (issue 3, decision 0008): a span's messages and retrieved documents move into its
-- span_content row as JSON arrays, so a span is two rows (span, span_content) instead of up to
-- nine, and the span table keeps only the secondary indexes the time-ordered list and the most
-- used filters need. Every index costs each imported span an extra B-tree update.
-- V5 (a Java migration, dev.tracedesk.store.migration) copies the rows of workspaces written
-- before; V6 then drops the old tables.
ALTER TABLE span_content ADD COLUMN messages_json VARCHAR;
ALTER TABLE span_content ADD COLUMN documents_json VARCHAR;

-- Log-event messages remember the span they were matched to (or found to have its own
-- messages), so each import looks only at those still waiting.
ALTER TABLE pending_log_message ADD COLUMN matched_span_id BIGINT;
CREATE INDEX pending_log_message_waiting_idx ON pending_log_message (matched_span_id);

-- Filters on these are answered by a scan of the narrow span table; the time index, the served
-- model and the prompt template stay indexed.
DROP INDEX span_kind_start_idx;
DROP INDEX span_requested_model_idx;
DROP INDEX span_provider_idx;
DROP INDEX span_import_idx;
