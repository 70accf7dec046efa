package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;

import dev.tracedesk.review.rules.RuleConfig.SpotCheck;
import dev.tracedesk.review.rules.RuleScope.IdRange;

/**
 * The spot-check sample (decision 0012): an LLM call is drawn when the SHA-256 of its source ids
 * ({@code traceId/spanId}, as imported), read as an unsigned number, mod 10,000 is below
 * percent × 100. The draw depends only on the call, so applying again — on another machine, on
 * PostgreSQL or H2 — draws the same calls. Only calls with no review item are candidates.
 */
final class SpotCheckSample {

    static final int BUCKETS = 10_000;

    private final DSLContext dsl;

    SpotCheckSample(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The call's bucket, 0 to 9,999. */
    static int bucket(String externalTraceId, String externalSpanId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((externalTraceId + "/" + externalSpanId).getBytes(StandardCharsets.UTF_8));
            return (int) Long.remainderUnsigned(ByteBuffer.wrap(hash).getLong(), BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    List<RuleMatch> drawn(SpotCheck config, IdRange window) {
        int cutoff = config.cutoff();
        List<RuleMatch> matches = new ArrayList<>();
        for (Record3<Long, String, String> call : dsl.select(SPAN.ID, TRACE.EXTERNAL_TRACE_ID, SPAN.EXTERNAL_SPAN_ID)
                .from(SPAN).join(TRACE).on(TRACE.ID.eq(SPAN.TRACE_ID))
                .where(SpanRuleQueries.llmCallsIn(window))
                .andNotExists(DSL.selectOne().from(REVIEW_ITEM)
                        .where(REVIEW_ITEM.TARGET_KIND.eq(TargetKind.SPAN.name())).and(REVIEW_ITEM.TARGET_ID.eq(SPAN.ID)))
                .fetch()) {
            if (bucket(call.value2(), call.value3()) < cutoff) {
                matches.add(new RuleMatch(TargetKind.SPAN, call.value1(), "drawn for the " + RuleNumbers.plain(config.percent())
                        + "% spot check"));
            }
        }
        return matches;
    }
}
