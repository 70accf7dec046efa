package dev.tracedesk.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.review.log.LogVerification;
import dev.tracedesk.review.log.LogVerifier;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** Several reviewers on one queue: states, disputes and adjudication, claims, and labeling at the same time. */
class ReviewWorkflowTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void twoLabelsPerItemSettleAgreementsAndSendDisagreementsToAdjudication(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.OTEL_TRACES);
            long queue = ReviewTestData.queueOfAllCalls(dsl, "double", 2, true);
            List<Long> items = ReviewTestData.itemIds(dsl, queue);
            ReviewLabels labels = new ReviewLabels(dsl, Clock.systemUTC());
            ReviewItems reviewItems = new ReviewItems(dsl, Clock.systemUTC());

            labels.label(items.get(0), "ana", LabelDraft.of(Verdict.PASS));
            assertThat(reviewItems.item(items.get(0)).orElseThrow().state()).as("one of two labels").isEqualTo(ItemState.OPEN);
            labels.label(items.get(0), "bo", LabelDraft.of(Verdict.PASS));
            labels.label(items.get(1), "ana", LabelDraft.of(Verdict.PASS));
            labels.label(items.get(1), "bo", LabelDraft.of(Verdict.FAIL));

            assertThat(reviewItems.item(items.get(0)).orElseThrow().state()).isEqualTo(ItemState.DONE);
            assertThat(reviewItems.item(items.get(1)).orElseThrow().state()).isEqualTo(ItemState.DISPUTED);
            QueueSummary summary = new ReviewQueues(dsl, Clock.systemUTC()).byName("double").orElseThrow();
            assertThat(summary.done()).isEqualTo(1);
            assertThat(summary.disputed()).isEqualTo(1);
            assertThat(summary.total()).isEqualTo(items.size());
            assertThat(summary.labeledByReviewer()).containsEntry("ana", 2).containsEntry("bo", 2);
            assertThat(summary.agreement().percentAgreement()).isEqualTo(50.0);
            assertThat(summary.blind()).isTrue();

            labels.adjudicate(items.get(1), "cy", LabelDraft.of(Verdict.FAIL));

            assertThat(reviewItems.item(items.get(1)).orElseThrow().state()).isEqualTo(ItemState.DONE);
            assertThat(ItemStates.settledVerdict(labels.history(items.get(1)), 2)).isEqualTo(Verdict.FAIL);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anItemClaimedByOneReviewerIsNotHandedToAnotherUntilTheClaimLapses(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.RAG_TRACE);
            long item = ReviewTestData.itemIds(dsl, ReviewTestData.queueOfAllCalls(dsl, "calls", 1, false)).get(0);
            ReviewTestData.MovableClock clock = new ReviewTestData.MovableClock();
            ReviewItems items = new ReviewItems(dsl, clock);

            assertThat(items.claim(item, "ana")).isTrue();
            assertThat(items.claim(item, "bo")).isFalse();
            assertThat(items.claim(item, "ana")).as("renewing one's own claim").isTrue();
            assertThat(items.item(item).orElseThrow().claimedBy()).isEqualTo("ana");

            clock.advance(ReviewItems.CLAIM_LEASE.plus(Duration.ofSeconds(1)));
            assertThat(items.item(item).orElseThrow().claimedBy()).as("lapsed").isNull();
            assertThat(items.claim(item, "bo")).isTrue();

            new ReviewLabels(dsl, clock).label(item, "bo", LabelDraft.of(Verdict.UNSURE));
            assertThat(items.item(item).orElseThrow().claimedBy()).as("saving releases the claim").isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void twoProcessesLabelingAtOnceKeepEveryLabelInOneUnbrokenChain(String engine) throws Exception {
        WorkspaceLocation location = TestDatabases.freshLocation(engine, tempDir);
        try (Workspace window = Workspace.open(location); Workspace script = Workspace.open(location)) {
            ReviewTestData.importFile(window.dsl(), ReviewTestData.OTEL_TRACES);
            long queue = ReviewTestData.queueOfAllCalls(window.dsl(), "busy", 3, false);
            List<Long> items = ReviewTestData.itemIds(window.dsl(), queue);
            int rounds = 15;

            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Integer>> done = new ArrayList<>();
            for (Workspace client : List.of(window, script)) {
                String reviewer = client == window ? "window" : "script";
                done.add(pool.submit((Callable<Integer>) () -> {
                    ReviewLabels labels = new ReviewLabels(client.dsl(), Clock.systemUTC());
                    for (int round = 0; round < rounds; round++) {
                        labels.label(items.get(round % items.size()), reviewer, LabelDraft.of(Verdict.PASS));
                    }
                    return rounds;
                }));
            }
            for (Future<Integer> future : done) {
                assertThat(future.get()).isEqualTo(rounds);
            }
            pool.shutdown();

            LogVerification verification = new LogVerifier(script.dsl()).verify();
            assertThat(verification.intact()).as(verification.problem()).isTrue();
            assertThat(verification.entriesChecked()).isEqualTo(2L * rounds);
        } finally {
            if (!location.isH2()) {
                TestDatabases.dropPostgresSchema(location);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aQueueMadeFromARuleStartsWithWhatThatRuleAlreadyFlagged(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.PROMPTFOO_RUN);
            ReviewQueues queues = new ReviewQueues(dsl, Clock.systemUTC());
            ReviewItems items = new ReviewItems(dsl, Clock.systemUTC());
            List<ReviewItemSummary> flagged = items.list(new ReviewItems.Listing(ReviewQueues.FLAGGED, null, null, 1000));
            String rule = "Eval case failed or errored";
            assertThat(flagged).isNotEmpty().allSatisfy(item ->
                    assertThat(item.reasons()).extracting(FlagReason::rule).contains(rule));

            long queue = queues.create("failures", null, QueueDefinition.ofRules(List.of(rule)), 1, false);

            assertThat(items.ofQueue(queue, 1000)).extracting(ReviewItemSummary::targetId)
                    .containsExactlyElementsOf(flagged.stream().map(ReviewItemSummary::targetId).toList());
            assertThat(items.ofQueue(queue, 1000)).allSatisfy(item -> {
                assertThat(item.reasons()).extracting(FlagReason::rule).containsExactly(rule);
                assertThat(item.state()).isEqualTo(ItemState.OPEN);
            });
            assertThat(queues.create("other", null, QueueDefinition.ofRules(List.of("Slow call")), 1, false))
                    .as("a rule that flagged nothing gives an empty queue").isPositive();
            assertThat(queues.byName("other").orElseThrow().total()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void labelingAnItemThatDoesNotExistSaysSo(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            ReviewLabels labels = new ReviewLabels(workspace.dsl(), Clock.systemUTC());

            assertThatThrownBy(() -> labels.label(4242, "ana", LabelDraft.of(Verdict.PASS)))
                    .isInstanceOf(ReviewLabels.NoSuchItemException.class).hasMessageContaining("4242");
        }
    }
}
