package dev.tracedesk.evals.compare;

import java.time.Clock;
import java.util.List;

import org.jooq.DSLContext;

import dev.tracedesk.review.FlagReason;
import dev.tracedesk.review.QueueDefinition;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.review.TargetKind;

/**
 * "Send regressions to review": the other run's regressed cases go into the queue
 * "Regressions vs &lt;baseline&gt;" (made by hand-filled, MANUAL, when missing), each with the reason
 * REGRESSION "regression vs &lt;baseline run id&gt;". Sending again adds only what is not there yet.
 */
public final class RegressionsToReview {

    public static final String REASON_TYPE = "REGRESSION";
    static final String RULE = "Regression";
    private static final int MAX_QUEUE_NAME = 200;

    /** The queue the cases went to, and how many were new to it. */
    public record Sent(long queueId, String queueName, int added, int regressions) {
    }

    private final DSLContext dsl;
    private final Clock clock;

    public RegressionsToReview(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Cut to the 200 characters a queue name may have: run names can be long. */
    public static String queueName(ComparedRun baseline) {
        String name = "Regressions vs " + baseline.label().strip();
        return name.length() <= MAX_QUEUE_NAME ? name : name.substring(0, MAX_QUEUE_NAME - 1) + "…";
    }

    public static FlagReason reason(ComparedRun baseline) {
        return new FlagReason(null, RULE, REASON_TYPE, "regression vs " + baseline.runId());
    }

    public Sent send(ComparisonResult comparison) {
        List<Long> regressedCases = comparison.pairs(CaseOutcome.REGRESSED).stream()
                .map(pair -> pair.other().id()).toList();
        ReviewQueues queues = new ReviewQueues(dsl, clock);
        String name = queueName(comparison.baseline());
        long queueId = queues.byName(name).map(queue -> queue.id()).orElseGet(() -> queues.create(name,
                "Cases of " + comparison.other().label() + " that passed in " + comparison.baseline().label(),
                new QueueDefinition(QueueDefinition.Kind.MANUAL, List.of(), null), 1, false));
        int added = queues.addTargets(queueId, TargetKind.EVAL_CASE, regressedCases, reason(comparison.baseline()));
        return new Sent(queueId, name, added, regressedCases.size());
    }
}
