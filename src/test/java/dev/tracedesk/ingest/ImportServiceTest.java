package dev.tracedesk.ingest;

import static dev.tracedesk.store.generated.Tables.CHECK_RESULT;
import static dev.tracedesk.store.generated.Tables.EVAL_CASE;
import static dev.tracedesk.store.generated.Tables.MODEL_PRICE;
import static dev.tracedesk.store.generated.Tables.REJECTED_RECORD;
import static dev.tracedesk.store.generated.Tables.SPAN;
import static dev.tracedesk.store.generated.Tables.PENDING_LOG_MESSAGE;
import static dev.tracedesk.store.generated.Tables.SPAN_CONTENT;
import static dev.tracedesk.store.generated.Tables.TRACE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;
import dev.tracedesk.store.generated.tables.records.SpanRecord;
import dev.tracedesk.store.content.ContentJson;
import dev.tracedesk.store.content.StoredDocument;
import dev.tracedesk.store.generated.tables.records.TraceRecord;

/** The import pipeline's guarantees, on H2 and PostgreSQL, with a scripted reader. */
class ImportServiceTest {

    @TempDir
    Path tempDir;

    private WorkspaceLocation location;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @AfterEach
    void dropSchema() {
        if (location != null) {
            TestDatabases.dropPostgresSchema(location);
        }
    }

    private Workspace open(String engine) {
        location = TestDatabases.freshLocation(engine, tempDir);
        return Workspace.open(location);
    }

    private ImportResult importFile(DSLContext dsl, Path file, TaskContext context) {
        return new ImportService(dsl, new FormatReaders(List.of(new ScriptedReader()))).importFile(file, Optional.empty(), context);
    }

    private ImportResult importFile(DSLContext dsl, Path file) {
        return importFile(dsl, file, TestImports.NEVER_CANCELLED);
    }

    private Path script(String name, String... lines) throws IOException {
        return Files.writeString(tempDir.resolve(name), "{\"script\":1}\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aSpanIsStoredWithItsContentMessagesDocumentsChecksAndItsTraceSummary(String engine) throws IOException {
        Path file = script("one.jsonl",
                "{\"span\":{\"trace\":\"t1\",\"id\":\"root\",\"kind\":\"CHAIN\",\"name\":\"answer question\",\"start\":1000,\"duration\":900}}",
                "{\"span\":{\"trace\":\"t1\",\"id\":\"llm\",\"parent\":\"root\",\"start\":1100,\"duration\":850,\"status\":\"ERROR\","
                        + "\"model\":\"gpt-4o-mini-2024-07-18\",\"in\":100,\"out\":20,\"cost\":0.0042,\"input\":\"Q?\",\"output\":\"A.\","
                        + "\"messages\":[[\"INPUT\",\"system\",\"Be brief\"],[\"INPUT\",\"user\",\"Q?\"],[\"OUTPUT\",\"assistant\",\"A.\"]],"
                        + "\"docs\":[[\"d1\",0.9,\"refunds within 30 days\"],[\"d2\",0.4,\"shipping\"]],"
                        + "\"checks\":[{\"id\":\"g1\",\"name\":\"toxicity\",\"passed\":true}]}}");
        try (Workspace workspace = open(engine)) {
            DSLContext dsl = workspace.dsl();

            ImportResult result = importFile(dsl, file);

            assertThat(result.status()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(result.counts().read()).isEqualTo(2);
            assertThat(result.counts().imported()).isEqualTo(2);
            SpanRecord llm = dsl.selectFrom(SPAN).where(SPAN.EXTERNAL_SPAN_ID.eq("llm")).fetchOne();
            assertThat(llm.getServedModel()).isEqualTo("gpt-4o-mini-2024-07-18");
            assertThat(llm.getTotalTokens()).isEqualTo(120);
            assertThat(llm.getCostUsd()).isEqualByComparingTo("0.0042");
            assertThat(llm.getCostSource()).isEqualTo("REPORTED");
            assertThat(llm.getImportId()).isEqualTo(result.importId());
            assertThat(dsl.fetchValue(SPAN_CONTENT.OUTPUT_TEXT, SPAN_CONTENT.SPAN_ID.eq(llm.getId()))).isEqualTo("A.");
            assertThat(ContentJson.parseMessages(dsl.fetchValue(SPAN_CONTENT.MESSAGES_JSON, SPAN_CONTENT.SPAN_ID.eq(llm.getId()))))
                    .extracting(message -> message.direction() + message.position() + message.role())
                    .containsExactly("INPUT0system", "INPUT1user", "OUTPUT0assistant");
            assertThat(ContentJson.parseDocuments(dsl.fetchValue(SPAN_CONTENT.DOCUMENTS_JSON, SPAN_CONTENT.SPAN_ID.eq(llm.getId()))))
                    .extracting(StoredDocument::documentId)
                    .containsExactly("d1", "d2");
            assertThat(dsl.fetchValue(CHECK_RESULT.NAME, CHECK_RESULT.SPAN_ID.eq(llm.getId()))).isEqualTo("toxicity");

            TraceRecord trace = dsl.selectFrom(TRACE).where(TRACE.EXTERNAL_TRACE_ID.eq("t1")).fetchOne();
            assertThat(trace.getName()).isEqualTo("answer question");
            assertThat(trace.getStartNs()).isEqualTo(1000);
            assertThat(trace.getEndNs()).isEqualTo(1950);
            assertThat(trace.getStatus()).isEqualTo("ERROR");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void importingTheSameFileAgainIsRecognisedAndAddsNothing(String engine) throws IOException {
        Path file = script("same.jsonl", spanLines("t", 0, 3));
        try (Workspace workspace = open(engine)) {
            importFile(workspace.dsl(), file);

            ImportResult again = importFile(workspace.dsl(), file);

            assertThat(again.status()).isEqualTo(ImportStatus.ALREADY_IMPORTED);
            assertThat(again.counts().duplicates()).isEqualTo(3);
            assertThat(workspace.dsl().fetchCount(SPAN)).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void anOverlappingFileAddsOnlyWhatIsNewAndCountsTheDuplicates(String engine) throws IOException {
        try (Workspace workspace = open(engine)) {
            importFile(workspace.dsl(), script("first.jsonl", spanLines("t", 0, 600)));

            ImportResult overlap = importFile(workspace.dsl(), script("second.jsonl", spanLines("t", 400, 1000)));

            assertThat(overlap.counts().imported()).isEqualTo(400);
            assertThat(overlap.counts().duplicates()).isEqualTo(200);
            assertThat(workspace.dsl().fetchCount(SPAN)).isEqualTo(1000);
            assertThat(workspace.dsl().fetchCount(SPAN_CONTENT)).isEqualTo(1000);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aBadLineIsRejectedWithItsLineAndRawTextAndTheRestImports(String engine) throws IOException {
        Path file = tempDir.resolve("mixed.jsonl");
        byte[] invalidUtf8 = {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        Files.write(file, ("{\"script\":1}\n" + spanLines("t", 0, 1)[0] + "\n{\"span\": truncated\n").getBytes(StandardCharsets.UTF_8));
        Files.write(file, invalidUtf8, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(file, spanLines("t", 1, 2)[0] + "\n", java.nio.file.StandardOpenOption.APPEND);
        try (Workspace workspace = open(engine)) {
            ImportResult result = importFile(workspace.dsl(), file);

            assertThat(result.status()).isEqualTo(ImportStatus.COMPLETED_WITH_REJECTS);
            assertThat(result.counts().imported()).isEqualTo(2);
            assertThat(result.counts().rejected()).isEqualTo(2);
            var rejected = workspace.dsl().selectFrom(REJECTED_RECORD).orderBy(REJECTED_RECORD.ID).fetch();
            assertThat(rejected.get(0).getLineNumber()).isEqualTo(3);
            assertThat(rejected.get(0).getRawText()).isEqualTo("{\"span\": truncated");
            assertThat(rejected.get(1).getLineNumber()).isEqualTo(4);
            assertThat(rejected.get(1).getReason()).contains("invalid UTF-8 at byte 7");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aCancelledImportKeepsWholeBatchesAndImportingAgainCompletesIt(String engine) throws IOException {
        Path file = script("big.jsonl", spanLines("t", 0, 2_000));
        try (Workspace workspace = open(engine)) {
            AtomicBoolean cancel = new AtomicBoolean();
            TaskContext cancelHalfway = new TaskContext() {
                @Override
                public void progress(long done, long total, String message) {
                    if (message.contains("1,000 records")) {
                        cancel.set(true);
                    }
                }

                @Override
                public boolean isCancelled() {
                    return cancel.get();
                }
            };

            ImportResult cancelled = importFile(workspace.dsl(), file, cancelHalfway);
            long keptAfterCancel = workspace.dsl().fetchCount(SPAN);
            ImportResult resumed = importFile(workspace.dsl(), file);

            assertThat(cancelled.status()).isEqualTo(ImportStatus.CANCELLED);
            assertThat(keptAfterCancel).isBetween(500L, 1_500L);
            assertThat(workspace.dsl().fetchCount(SPAN_CONTENT)).isEqualTo((int) workspace.dsl().fetchCount(SPAN));
            assertThat(resumed.status()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(resumed.counts().duplicates()).isEqualTo(keptAfterCancel);
            assertThat(workspace.dsl().fetchCount(SPAN)).isEqualTo(2_000);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aCostIsEstimatedFromThePriceTableOnlyWhenNoneWasReported(String engine) throws IOException {
        try (Workspace workspace = open(engine)) {
            DSLContext dsl = workspace.dsl();
            dsl.deleteFrom(MODEL_PRICE).execute();
            dsl.insertInto(MODEL_PRICE, MODEL_PRICE.PROVIDER, MODEL_PRICE.MODEL_PATTERN, MODEL_PRICE.INPUT_USD_PER_MTOK, MODEL_PRICE.OUTPUT_USD_PER_MTOK)
                    .values("", "gpt-4o", new BigDecimal("2.50"), new BigDecimal("10.00"))
                    .values("", "gpt-4o-mini", new BigDecimal("0.15"), new BigDecimal("0.60"))
                    .execute();
            importFile(dsl, script("costs.jsonl",
                    "{\"span\":{\"trace\":\"c\",\"id\":\"a\",\"model\":\"gpt-4o-mini-2024-07-18\",\"in\":1000000,\"out\":1000000}}",
                    "{\"span\":{\"trace\":\"c\",\"id\":\"b\",\"model\":\"gpt-4o-2024-08-06\",\"in\":2000,\"out\":1000,\"cost\":0.5}}",
                    "{\"span\":{\"trace\":\"c\",\"id\":\"c\",\"model\":\"unknown-model\",\"in\":10,\"out\":10}}"));

            SpanRecord estimated = dsl.selectFrom(SPAN).where(SPAN.EXTERNAL_SPAN_ID.eq("a")).fetchOne();
            SpanRecord reported = dsl.selectFrom(SPAN).where(SPAN.EXTERNAL_SPAN_ID.eq("b")).fetchOne();
            SpanRecord unpriced = dsl.selectFrom(SPAN).where(SPAN.EXTERNAL_SPAN_ID.eq("c")).fetchOne();
            assertThat(estimated.getCostUsd()).isEqualByComparingTo("0.75");
            assertThat(estimated.getCostSource()).isEqualTo("ESTIMATED");
            assertThat(reported.getCostUsd()).isEqualByComparingTo("0.5");
            assertThat(reported.getCostSource()).isEqualTo("REPORTED");
            assertThat(unpriced.getCostUsd()).isNull();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aTraceWhoseSpansArriveInSeveralFilesSummarisesAllOfThem(String engine) throws IOException {
        Path children = script("children.jsonl",
                "{\"span\":{\"trace\":\"T\",\"id\":\"llm\",\"parent\":\"root\",\"name\":\"llm\",\"start\":1200,\"duration\":300}}");
        Path rest = script("rest.jsonl",
                "{\"span\":{\"trace\":\"T\",\"id\":\"root\",\"name\":\"rag pipeline\",\"kind\":\"CHAIN\",\"start\":1000,\"duration\":400}}",
                "{\"span\":{\"trace\":\"T\",\"id\":\"tool\",\"parent\":\"root\",\"kind\":\"TOOL\",\"start\":1600,\"duration\":500,"
                        + "\"status\":\"ERROR\"}}",
                "{\"span\":{\"trace\":\"T\",\"id\":\"llm\",\"parent\":\"root\",\"name\":\"llm\",\"start\":1200,\"duration\":300}}");
        try (Workspace workspace = open(engine)) {
            DSLContext dsl = workspace.dsl();
            importFile(dsl, children);
            TraceRecord first = dsl.selectFrom(TRACE).where(TRACE.EXTERNAL_TRACE_ID.eq("T")).fetchOne();
            assertThat(first.getName()).as("no root span yet").isNull();
            assertThat(first.getStartNs()).isEqualTo(1200);
            assertThat(first.getStatus()).isEqualTo("OK");

            ImportResult second = importFile(dsl, rest);

            assertThat(second.counts().duplicates()).isEqualTo(1);
            TraceRecord trace = dsl.selectFrom(TRACE).where(TRACE.EXTERNAL_TRACE_ID.eq("T")).fetchOne();
            assertThat(trace.getName()).as("from the root span").isEqualTo("rag pipeline");
            assertThat(trace.getStartNs()).isEqualTo(1000);
            assertThat(trace.getEndNs()).isEqualTo(2100);
            assertThat(trace.getStatus()).isEqualTo("ERROR");
            assertThat(dsl.fetchCount(SPAN)).isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void logMessagesJoinTheirSpanWhicheverFileComesFirst(String engine) throws IOException {
        Path logs = script("logs.jsonl",
                "{\"log\":{\"trace\":\"L\",\"span\":\"s1\",\"time\":20,\"direction\":\"OUTPUT\",\"role\":\"assistant\",\"content\":\"Paris\"}}",
                "{\"log\":{\"trace\":\"L\",\"span\":\"s1\",\"time\":10,\"direction\":\"INPUT\",\"role\":\"user\",\"content\":\"Capital of France?\"}}");
        Path spans = script("spans.jsonl", "{\"span\":{\"trace\":\"L\",\"id\":\"s1\"}}");
        try (Workspace workspace = open(engine)) {
            DSLContext dsl = workspace.dsl();
            importFile(dsl, logs);
            assertThat(dsl.fetchCount(PENDING_LOG_MESSAGE, PENDING_LOG_MESSAGE.MATCHED_SPAN_ID.isNull()))
                    .as("both messages wait for their span").isEqualTo(2);

            importFile(dsl, spans);
            importFile(dsl, script("logs-again.jsonl", "{\"log\":{\"trace\":\"L\",\"span\":\"s1\",\"time\":10,"
                    + "\"direction\":\"INPUT\",\"role\":\"user\",\"content\":\"Capital of France?\"}}"));

            assertThat(ContentJson.parseMessages(dsl.fetchValue(SPAN_CONTENT.MESSAGES_JSON)))
                    .extracting(message -> message.direction() + message.position() + " " + message.role() + ":" + message.content())
                    .containsExactly("INPUT0 user:Capital of France?", "OUTPUT0 assistant:Paris");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void evalCasesAreKeptOncePerRunAndLinkToTheirTrace(String engine) throws IOException {
        try (Workspace workspace = open(engine)) {
            DSLContext dsl = workspace.dsl();
            importFile(dsl, script("trace.jsonl", "{\"span\":{\"trace\":\"T9\",\"id\":\"x\"}}"));
            Path run = script("run.jsonl", "{\"run\":\"r1\"}",
                    "{\"case\":{\"key\":\"k1\",\"provider\":\"p\",\"status\":\"PASS\",\"trace\":\"T9\"}}",
                    "{\"case\":{\"key\":\"k2\",\"provider\":\"p\",\"status\":\"ERROR\"}}");
            importFile(dsl, run);
            ImportResult overlapping = importFile(dsl, script("run2.jsonl", "{\"run\":\"r1\"}",
                    "{\"case\":{\"key\":\"k2\",\"provider\":\"p\",\"status\":\"ERROR\"}}",
                    "{\"case\":{\"key\":\"k3\",\"provider\":\"p\",\"status\":\"FAIL\"}}"));

            assertThat(overlapping.counts().imported()).isEqualTo(1);
            assertThat(overlapping.counts().duplicates()).isEqualTo(2);
            assertThat(dsl.fetchCount(EVAL_CASE)).isEqualTo(3);
            assertThat(dsl.select(EVAL_CASE.TRACE_ID).from(EVAL_CASE).where(EVAL_CASE.CASE_KEY.eq("k1")).fetchOne().value1())
                    .isEqualTo(dsl.fetchValue(TRACE.ID, TRACE.EXTERNAL_TRACE_ID.eq("T9")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void contentOfNoKnownFormatFailsNamingTheFileAndTheFormatsTried(String engine) throws IOException {
        Path file = Files.writeString(tempDir.resolve("notes.txt"), "just some notes\n");
        try (Workspace workspace = open(engine)) {
            ImportResult result = importFile(workspace.dsl(), file);

            assertThat(result.status()).isEqualTo(ImportStatus.FAILED);
            assertThat(result.failedWhole()).isTrue();
            assertThat(result.message()).contains(file.toString()).contains("tried: jsonl");
        }
    }

    private static String[] spanLines(String trace, int from, int to) {
        return IntStream.range(from, to)
                .mapToObj(i -> "{\"span\":{\"trace\":\"" + trace + (i / 10) + "\",\"id\":\"s" + i + "\",\"start\":" + i
                        + ",\"duration\":5,\"input\":\"" + "prompt text ".repeat(20) + "\"}}")
                .collect(Collectors.toList()).toArray(String[]::new);
    }
}
