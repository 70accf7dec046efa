package dev.tracedesk.evals.compare;

import static dev.tracedesk.store.generated.Tables.REVIEW_ITEM;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.review.FlagReason;
import dev.tracedesk.review.QueueDefinition;
import dev.tracedesk.review.QueueSummary;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.review.TargetKind;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

class RegressionsToReviewTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void theOtherRunsRegressedCasesGoToAQueueWithTheRegressionReason(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            PromptVersionRuns.Imported runs = PromptVersionRuns.importBoth(workspace.dsl());
            ComparisonResult comparison = new RunComparison(workspace.dsl()).compare(runs.v1(), runs.v2());

            RegressionsToReview.Sent sent = new RegressionsToReview(workspace.dsl(), CLOCK).send(comparison);

            assertThat(sent.queueName()).isEqualTo("Regressions vs Capital cities (prompt v1)");
            assertThat(sent.added()).isEqualTo(6);
            QueueSummary queue = new ReviewQueues(workspace.dsl(), CLOCK).byName(sent.queueName()).orElseThrow();
            assertThat(queue.definition().kind()).isEqualTo(QueueDefinition.Kind.MANUAL);
            assertThat(queue.total()).isEqualTo(6);
            var items = workspace.dsl().selectFrom(REVIEW_ITEM).where(REVIEW_ITEM.QUEUE_ID.eq(sent.queueId())).fetch();
            assertThat(items).extracting(item -> item.getTargetKind()).containsOnly(TargetKind.EVAL_CASE.name());
            assertThat(items).extracting(item -> item.getTargetId()).containsExactlyInAnyOrderElementsOf(
                    comparison.pairs(CaseOutcome.REGRESSED).stream().map(pair -> pair.other().id()).toList());
            String baseline = PromptVersionRuns.evalId(PromptVersionRuns.V1);
            assertThat(items).allSatisfy(item -> assertThat(FlagReason.parseAll(item.getReasonsJson()))
                    .containsExactly(new FlagReason(null, "Regression", "REGRESSION", "regression vs " + baseline)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void sendingAgainAddsNothingTwice(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            PromptVersionRuns.Imported runs = PromptVersionRuns.importBoth(workspace.dsl());
            ComparisonResult comparison = new RunComparison(workspace.dsl()).compare(runs.v1(), runs.v2());
            RegressionsToReview toReview = new RegressionsToReview(workspace.dsl(), CLOCK);
            long queue = toReview.send(comparison).queueId();

            RegressionsToReview.Sent again = toReview.send(comparison);

            assertThat(again.queueId()).isEqualTo(queue);
            assertThat(again.added()).isZero();
            assertThat(again.regressions()).isEqualTo(6);
        }
    }
}
