package dev.tracedesk.review.log;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.tracedesk.review.Verdict;

/**
 * One row of the review log as stored: never updated, never deleted. {@code verdict} and the
 * label fields are null on a RETRACT; {@code retractsLabelId} is set only there.
 */
public record LabelEntry(long id, long itemId, String targetKind, long targetId, LabelAction action, String reviewer,
                         Verdict verdict, List<String> categories, Map<String, Double> scores, String correctedOutput,
                         String note, Map<String, DocumentRelevance> documentRelevance, Long retractsLabelId,
                         Instant createdAt, String prevHash, String entryHash) {
}
