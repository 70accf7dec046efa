-- Review (issue 5, decision 0014).
-- The review log is a hash chain: every entry names the hash of the entry before it, and the
-- first names 64 zeros. A unique prev_hash means two writers appending at the same moment cannot
-- both extend the same entry: one of them fails and retries on the new head, so the chain never
-- forks, whatever process (window, CLI, another client of a shared PostgreSQL) writes.
ALTER TABLE review_label ADD CONSTRAINT review_label_prev_uk UNIQUE (prev_hash);

-- Who labeled what, for queue progress, per-reviewer counts and agreement.
CREATE INDEX review_label_reviewer_idx ON review_label (reviewer, review_item_id);

-- The queue every flag rule fills unless a queue of its own takes the rule.
INSERT INTO review_queue (name, description, definition_json, label_schema_json, labels_per_item, blind, created_at)
VALUES ('Flagged', 'Everything a flag rule put into review.', '{"kind":"FLAGGED"}', NULL, 1, FALSE, CURRENT_TIMESTAMP);

-- The hash of the newest log entry. Appending moves it with a compare-and-set in the entry's own
-- transaction, so appends from several processes take turns, and removing entries from the end of
-- the log (which the chain alone could not reveal) leaves it pointing at an entry that is gone.
INSERT INTO workspace_setting (setting_key, setting_value, updated_at)
VALUES ('review.log.head', '0000000000000000000000000000000000000000000000000000000000000000', CURRENT_TIMESTAMP);
