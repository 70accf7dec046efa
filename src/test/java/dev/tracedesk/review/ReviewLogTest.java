package dev.tracedesk.review;

import static dev.tracedesk.store.generated.Tables.REVIEW_LABEL;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.review.log.DocumentRelevance;
import dev.tracedesk.review.log.LabelAction;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.review.log.LabelEntry;
import dev.tracedesk.review.log.LogVerification;
import dev.tracedesk.review.log.LogVerifier;
import dev.tracedesk.review.log.ReviewLog;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/** The review log is a hash chain: intact as written, and any change to a stored entry is found and named. */
class ReviewLogTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static List<LabelEntry> labelEveryCall(DSLContext dsl) {
        ReviewTestData.importFile(dsl, ReviewTestData.OTEL_TRACES);
        long queue = ReviewTestData.queueOfAllCalls(dsl, "all calls", 1, false);
        ReviewLabels labels = new ReviewLabels(dsl, Clock.systemUTC());
        List<Long> items = ReviewTestData.itemIds(dsl, queue);
        assertThat(items).hasSizeGreaterThanOrEqualTo(3);
        return items.stream().map(item -> labels.label(item, "ana", new LabelDraft(Verdict.FAIL,
                List.of("unsupported claim", "retrieval miss"), Map.of("helpfulness", 2.0), "Paris is the capital.",
                "Said Lyon — a note with \"quotes\", a newline\nand ünïcödé", Map.of("doc-1", DocumentRelevance.IRRELEVANT))))
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void entriesChainFromGenesisAndReadBackAsWritten(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            List<LabelEntry> written = labelEveryCall(workspace.dsl());

            assertThat(written.get(0).prevHash()).isEqualTo(ReviewLog.GENESIS);
            for (int i = 1; i < written.size(); i++) {
                assertThat(written.get(i).prevHash()).isEqualTo(written.get(i - 1).entryHash());
            }
            LabelEntry first = new ReviewLabels(workspace.dsl(), Clock.systemUTC()).history(written.get(0).itemId()).get(0);
            assertThat(first).isEqualTo(written.get(0));
            assertThat(first.note()).contains("ünïcödé").contains("\n");
            assertThat(first.categories()).containsExactly("unsupported claim", "retrieval miss");
            assertThat(first.documentRelevance()).containsEntry("doc-1", DocumentRelevance.IRRELEVANT);

            LogVerification verification = new LogVerifier(workspace.dsl()).verify();
            assertThat(verification.intact()).as(verification.problem()).isTrue();
            assertThat(verification.entriesChecked()).isEqualTo(written.size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anAlteredLabelIsNamedAsTheFirstBrokenEntry(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            List<LabelEntry> written = labelEveryCall(workspace.dsl());
            LabelEntry second = written.get(1);

            workspace.dsl().update(REVIEW_LABEL).set(REVIEW_LABEL.VERDICT, "PASS")
                    .where(REVIEW_LABEL.ID.eq(second.id())).execute();

            LogVerification verification = new LogVerifier(workspace.dsl()).verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.firstBrokenEntryId()).isEqualTo(second.id());
            assertThat(verification.entriesChecked()).isEqualTo(1);
            assertThat(verification.problem()).contains("entry " + second.id()).contains("altered");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void rehashingAnAlteredEntryStillBreaksTheLinkToTheNext(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            List<LabelEntry> written = labelEveryCall(workspace.dsl());

            workspace.dsl().update(REVIEW_LABEL).set(REVIEW_LABEL.ENTRY_HASH, "f".repeat(64))
                    .where(REVIEW_LABEL.ID.eq(written.get(0).id())).execute();

            LogVerification verification = new LogVerifier(workspace.dsl()).verify();
            assertThat(verification.firstBrokenEntryId()).isEqualTo(written.get(0).id());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void removedEntriesAreFoundInTheMiddleAndAtTheEnd(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            List<LabelEntry> written = labelEveryCall(workspace.dsl());
            DSLContext dsl = workspace.dsl();
            LabelEntry last = written.get(written.size() - 1);

            dsl.deleteFrom(REVIEW_LABEL).where(REVIEW_LABEL.ID.eq(last.id())).execute();
            LogVerification tailGone = new LogVerifier(dsl).verify();
            assertThat(tailGone.intact()).isFalse();
            assertThat(tailGone.problem()).contains("ends early");

            dsl.deleteFrom(REVIEW_LABEL).where(REVIEW_LABEL.ID.eq(written.get(0).id())).execute();
            LogVerification headGone = new LogVerifier(dsl).verify();
            assertThat(headGone.firstBrokenEntryId()).isEqualTo(written.get(1).id());
            assertThat(headGone.problem()).contains("does not follow");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void undoRetractsTheLabelWithANewEntryAndReopensTheItem(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            DSLContext dsl = workspace.dsl();
            ReviewTestData.importFile(dsl, ReviewTestData.RAG_TRACE);
            long queue = ReviewTestData.queueOfAllCalls(dsl, "calls", 1, false);
            long item = ReviewTestData.itemIds(dsl, queue).get(0);
            ReviewLabels labels = new ReviewLabels(dsl, Clock.systemUTC());
            ReviewItems items = new ReviewItems(dsl, Clock.systemUTC());

            LabelEntry label = labels.label(item, "ana", LabelDraft.of(Verdict.PASS));
            assertThat(items.item(item).orElseThrow().state()).isEqualTo(ItemState.DONE);

            LabelEntry retract = labels.undoLast(item, "ana").orElseThrow();

            assertThat(retract.action()).isEqualTo(LabelAction.RETRACT);
            assertThat(retract.retractsLabelId()).isEqualTo(label.id());
            assertThat(items.item(item).orElseThrow().state()).isEqualTo(ItemState.OPEN);
            assertThat(labels.history(item)).extracting(LabelEntry::action)
                    .containsExactly(LabelAction.LABEL, LabelAction.RETRACT);
            assertThat(labels.undoLast(item, "ana")).as("nothing left to undo").isEmpty();
            assertThat(new LogVerifier(dsl).verify().intact()).isTrue();
        }
    }
}
