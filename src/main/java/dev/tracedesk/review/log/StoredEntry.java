package dev.tracedesk.review.log;

import java.time.Instant;

/** A log entry's columns exactly as stored, JSON as text: what {@link EntryHash} hashes. */
record StoredEntry(long itemId, String targetKind, long targetId, String action, String reviewer, String verdict,
                   String categoriesJson, String scoresJson, String correctedOutput, String note,
                   String documentRelevanceJson, Long retractsLabelId, Instant createdAt, String prevHash) {
}
