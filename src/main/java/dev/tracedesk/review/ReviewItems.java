package dev.tracedesk.review;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;
import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static dev.tracedesk.store.generated.Tables.REVIEW_QUEUE;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.TRACE;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Review items: listing them, and who is working on which. A reviewer who opens an item claims it
 * for {@link #CLAIM_LEASE}; while the claim holds, the item is not handed to anyone else. Saving a
 * label releases it, and a claim left behind (a closed laptop) simply expires.
 */
public final class ReviewItems {

    public static final Duration CLAIM_LEASE = Duration.ofMinutes(15);

    private final DSLContext dsl;
    private final Clock clock;

    public ReviewItems(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Which items a listing takes: a queue by name (null: all), a state (null: any), at most {@code limit}. */
    public record Listing(String queue, ItemState state, String assignee, int limit) {
    }

    public List<ReviewItemSummary> list(Listing listing) {
        List<Condition> where = new ArrayList<>();
        if (listing.queue() != null) {
            where.add(REVIEW_QUEUE.NAME.eq(listing.queue()));
        }
        if (listing.state() != null) {
            where.add(REVIEW_ITEM.STATE.eq(listing.state().name()));
        }
        if (listing.assignee() != null) {
            where.add(REVIEW_ITEM.ASSIGNEE.eq(listing.assignee()));
        }
        return select(where, listing.limit());
    }

    /** The items of one queue in review order: priority first, then the order they were flagged in. */
    public List<ReviewItemSummary> ofQueue(long queueId, int limit) {
        return select(List.of(REVIEW_ITEM.QUEUE_ID.eq(queueId)), limit);
    }

    public Optional<ReviewItemSummary> item(long itemId) {
        return select(List.of(REVIEW_ITEM.ID.eq(itemId)), 1).stream().findFirst();
    }

    private List<ReviewItemSummary> select(List<Condition> where, int limit) {
        return dsl.select(REVIEW_ITEM.ID, REVIEW_ITEM.QUEUE_ID, REVIEW_QUEUE.NAME, REVIEW_ITEM.TARGET_KIND,
                        REVIEW_ITEM.TARGET_ID, TRACE.EXTERNAL_TRACE_ID, SPAN.EXTERNAL_SPAN_ID, SPAN.NAME,
                        EVAL_RUN.EXTERNAL_RUN_ID, EVAL_CASE.CASE_KEY, EVAL_CASE.DESCRIPTION, EVAL_CASE.PROVIDER,
                        REVIEW_ITEM.REASONS_JSON, REVIEW_ITEM.STATE, REVIEW_ITEM.ASSIGNEE, REVIEW_ITEM.CLAIMED_BY,
                        REVIEW_ITEM.CLAIMED_AT, REVIEW_ITEM.CREATED_AT)
                .from(REVIEW_ITEM)
                .join(REVIEW_QUEUE).on(REVIEW_QUEUE.ID.eq(REVIEW_ITEM.QUEUE_ID))
                .leftJoin(SPAN).on(REVIEW_ITEM.TARGET_KIND.eq(TargetKind.SPAN.name()), SPAN.ID.eq(REVIEW_ITEM.TARGET_ID))
                .leftJoin(EVAL_CASE).on(REVIEW_ITEM.TARGET_KIND.eq(TargetKind.EVAL_CASE.name()),
                        EVAL_CASE.ID.eq(REVIEW_ITEM.TARGET_ID))
                .leftJoin(EVAL_RUN).on(EVAL_RUN.ID.eq(EVAL_CASE.EVAL_RUN_ID))
                .leftJoin(TRACE).on(TRACE.ID.eq(DSL.coalesce(SPAN.TRACE_ID, EVAL_CASE.TRACE_ID)))
                .where(where)
                .orderBy(REVIEW_ITEM.PRIORITY.desc(), REVIEW_ITEM.ID)
                .limit(limit)
                .fetch(this::summary);
    }

    private ReviewItemSummary summary(Record row) {
        TargetKind kind = TargetKind.valueOf(row.get(REVIEW_ITEM.TARGET_KIND));
        String claimedBy = row.get(REVIEW_ITEM.CLAIMED_BY);
        OffsetDateTime claimedAt = row.get(REVIEW_ITEM.CLAIMED_AT);
        if (claimedBy != null && (claimedAt == null || claimedAt.toInstant().isBefore(leaseStart().toInstant()))) {
            claimedBy = null;
        }
        String title = kind == TargetKind.SPAN ? row.get(SPAN.NAME) : caseTitle(row);
        return new ReviewItemSummary(row.get(REVIEW_ITEM.ID), row.get(REVIEW_ITEM.QUEUE_ID), row.get(REVIEW_QUEUE.NAME),
                kind, row.get(REVIEW_ITEM.TARGET_ID), row.get(TRACE.EXTERNAL_TRACE_ID), row.get(SPAN.EXTERNAL_SPAN_ID),
                row.get(EVAL_RUN.EXTERNAL_RUN_ID), row.get(EVAL_CASE.CASE_KEY), title,
                FlagReason.parseAll(row.get(REVIEW_ITEM.REASONS_JSON)), ItemState.valueOf(row.get(REVIEW_ITEM.STATE)),
                row.get(REVIEW_ITEM.ASSIGNEE), claimedBy, row.get(REVIEW_ITEM.CREATED_AT).toInstant());
    }

    private static String caseTitle(Record row) {
        String description = row.get(EVAL_CASE.DESCRIPTION);
        String provider = row.get(EVAL_CASE.PROVIDER);
        String base = description != null && !description.isBlank() ? description : "case " + row.get(EVAL_CASE.CASE_KEY);
        return provider == null || provider.isBlank() ? base : base + " · " + provider;
    }

    /**
     * Claims the item for the reviewer unless someone else holds a live claim. True when the
     * reviewer now holds it. One UPDATE, so two reviewers can never both win.
     */
    public boolean claim(long itemId, String reviewer) {
        String who = Reviewers.require(reviewer);
        return dsl.update(REVIEW_ITEM)
                .set(REVIEW_ITEM.CLAIMED_BY, who)
                .set(REVIEW_ITEM.CLAIMED_AT, now())
                .where(REVIEW_ITEM.ID.eq(itemId))
                .and(REVIEW_ITEM.CLAIMED_BY.isNull().or(REVIEW_ITEM.CLAIMED_BY.eq(who))
                        .or(REVIEW_ITEM.CLAIMED_AT.lt(leaseStart())))
                .execute() == 1;
    }

    /** Lets go of the reviewer's claim, if they hold it. */
    public void release(long itemId, String reviewer) {
        dsl.update(REVIEW_ITEM).set(REVIEW_ITEM.CLAIMED_BY, (String) null)
                .set(REVIEW_ITEM.CLAIMED_AT, (OffsetDateTime) null)
                .where(REVIEW_ITEM.ID.eq(itemId), REVIEW_ITEM.CLAIMED_BY.eq(reviewer)).execute();
    }

    /** Assigns the item to a reviewer (null: to nobody). */
    public void assign(long itemId, String assignee) {
        int updated = dsl.update(REVIEW_ITEM)
                .set(REVIEW_ITEM.ASSIGNEE, assignee == null || assignee.isBlank() ? null : assignee.trim())
                .where(REVIEW_ITEM.ID.eq(itemId)).execute();
        if (updated == 0) {
            throw new ReviewLabels.NoSuchItemException(itemId);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private OffsetDateTime leaseStart() {
        return now().minus(CLAIM_LEASE);
    }
}
