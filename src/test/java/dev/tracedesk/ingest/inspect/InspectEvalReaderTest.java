package dev.tracedesk.ingest.inspect;

import static dev.tracedesk.ingest.inspect.InspectFixtures.read;
import static dev.tracedesk.ingest.inspect.InspectFixtures.utf8;
import static dev.tracedesk.ingest.inspect.InspectFixtures.write;
import static dev.tracedesk.ingest.inspect.InspectFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.ingest.CollectingSink;
import dev.tracedesk.ingest.source.ImportSource;
import dev.tracedesk.ingest.source.Sniff;

class InspectEvalReaderTest {

    private static final ZipLimits SMALL = new ZipLimits(20, 100_000, 400_000, 200, 10_000);

    private final InspectEvalReader reader = new InspectEvalReader();

    @TempDir
    Path dir;

    private Path evalFile(String name, Map<String, byte[]> entries) throws IOException {
        return write(dir, name, zip(entries));
    }

    @Test
    void detectsAnInspectArchiveFromItsEntriesAndNothingElse() throws IOException {
        Path eval = evalFile("run.eval", InspectFixtures.finishedEval());
        Path otherZip = evalFile("other.zip", Map.of("word/document.xml", utf8("<w/>")));

        assertThat(reader.confidence(Sniff.of(ImportSource.of(eval)))).isEqualTo(100);
        assertThat(reader.confidence(Sniff.of(ImportSource.of(otherZip)))).isZero();
        assertThat(reader.confidence(Sniff.ofText("log.json", "{\"version\":2,\"eval\":{}}"))).isZero();
    }

    @Test
    void aFinishedArchiveGivesTheRunAndCaseOfItsHeaderAndSample() throws IOException {
        CollectingSink sink = read(reader, evalFile("run.eval", InspectFixtures.finishedEval()));

        assertThat(sink.rejections).isEmpty();
        assertThat(sink.runs).singleElement().satisfies(run -> {
            assertThat(run.externalRunId).isEqualTo("2BnNsHEspZ94qvnbpxq9wJ");
            assertThat(run.name).isEqualTo("input_task");
            assertThat(run.finishedAt).isEqualTo(Instant.parse("2024-11-05T18:32:19Z"));
            assertThat(run.configJson).contains("\"accuracy\"");
        });
        assertThat(sink.cases).singleElement().satisfies(evalCase -> {
            assertThat(evalCase.caseKey).isEqualTo("id:1");
            assertThat(evalCase.status).isEqualTo(CaseStatus.PASS);
            assertThat(evalCase.totalTokens).isEqualTo(99);
            assertThat(evalCase.actualOutput).endsWith("fam! ❄️🧣");
            assertThat(evalCase.traceId).isEqualTo("2BnNsHEspZ94qvnbpxq9wJ/1/1");
        });
        assertThat(sink.span("model-6").servedModel).isEqualTo("gpt-4o-mini-2024-07-18");
    }

    @Test
    void aRunningArchiveWithoutHeaderTakesItsRunFromTheJournal() throws IOException {
        Map<String, byte[]> entries = InspectFixtures.finishedEval();
        entries.remove("header.json");
        entries.remove("summaries.json");
        entries.remove("reductions.json");
        CollectingSink sink = read(reader, evalFile("running.eval", entries));

        assertThat(sink.runs).singleElement().satisfies(run -> {
            assertThat(run.externalRunId).isEqualTo("2BnNsHEspZ94qvnbpxq9wJ");
            assertThat(run.startedAt).isEqualTo(Instant.parse("2024-11-05T18:31:45Z"));
            assertThat(run.finishedAt).isNull();
        });
        assertThat(sink.cases).hasSize(1);
    }

    @Test
    void theOldestLayoutMergesStartAndResults() throws IOException {
        ObjectNode log = InspectFixtures.realLog();
        ObjectNode results = log.objectNode();
        results.set("status", log.get("status"));
        results.set("stats", log.get("stats"));
        results.set("results", log.get("results"));
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("start.json", utf8(InspectFixtures.startOf(log)));
        entries.put("samples/1_epoch_1.json", utf8(log.get("samples").get(0)));
        entries.put("results.json", utf8(results));
        CollectingSink sink = read(reader, evalFile("old.eval", entries));

        assertThat(sink.runs).singleElement().satisfies(run -> {
            assertThat(run.finishedAt).isEqualTo(Instant.parse("2024-11-05T18:32:19Z"));
            assertThat(run.configJson).contains("\"completed_samples\":1");
        });
        assertThat(sink.cases).hasSize(1);
    }

    @Test
    void aDuplicatedSampleMemberIsReadOnceAndTheLastOneWins() throws IOException {
        ObjectNode first = InspectFixtures.realSample();
        ObjectNode last = InspectFixtures.realSample();
        ((ObjectNode) last.at("/output/choices/0/message")).put("content", "the re-logged answer");
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("header.json", utf8(InspectFixtures.realHeader()));
        entries.put("samples/1_epoch_1.json", utf8(first));
        entries.put("samples/1_epoch_X.json", utf8(last));
        byte[] archive = InspectFixtures.renameEntries(zip(entries), "samples/1_epoch_X.json", "samples/1_epoch_1.json");
        CollectingSink sink = read(reader, write(dir, "dup.eval", archive));

        assertThat(sink.cases).singleElement()
                .satisfies(evalCase -> assertThat(evalCase.actualOutput).isEqualTo("the re-logged answer"));
    }

    @Test
    void aBrokenSampleEntryIsRejectedByNameAndTheOthersImported() throws IOException {
        Map<String, byte[]> entries = InspectFixtures.finishedEval();
        entries.put("samples/2_epoch_1.json", utf8("{\"id\":2,\"input\":\"trunc"));
        entries.put("samples/3_epoch_1.json", utf8("null"));
        CollectingSink sink = read(reader, evalFile("partly-bad.eval", entries));

        assertThat(sink.cases).extracting(c -> c.caseKey).containsExactly("id:1");
        assertThat(sink.rejections).extracting(r -> r.locator())
                .containsExactly("samples/2_epoch_1.json", "samples/3_epoch_1.json");
        assertThat(sink.rejections.get(0).rawText()).isEqualTo("{\"id\":2,\"input\":\"trunc");
        assertThat(sink.rejections.get(0).reason()).startsWith("not valid JSON");
    }

    @Test
    void aBrokenHeaderFallsBackToTheJournalAndIsRejected() throws IOException {
        Map<String, byte[]> entries = InspectFixtures.finishedEval();
        entries.put("header.json", utf8("{\"version\":2,\"eval\":"));
        CollectingSink sink = read(reader, evalFile("bad-header.eval", entries));

        assertThat(sink.runs).singleElement().satisfies(run -> assertThat(run.externalRunId).isEqualTo("2BnNsHEspZ94qvnbpxq9wJ"));
        assertThat(sink.rejections).singleElement().satisfies(r -> assertThat(r.locator()).isEqualTo("header.json"));
        assertThat(sink.cases).hasSize(1);
    }

    @Test
    void anArchiveWithoutHeaderOrJournalIsRefusedNamingTheFile() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("samples/1_epoch_1.json", utf8(InspectFixtures.realSample()));
        Path file = evalFile("headless.eval", entries);

        assertThatThrownBy(() -> read(reader, file)).isInstanceOf(IOException.class)
                .hasMessageContaining("headless.eval").hasMessageContaining("header.json");
    }

    @Test
    void aFileThatIsNoZipIsRefusedNamingTheFile() throws IOException {
        Path file = write(dir, "fake.eval", "PK\u0003\u0004 not really a zip");
        Path empty = write(dir, "empty.eval", "");

        assertThatThrownBy(() -> read(reader, file)).isInstanceOf(IOException.class)
                .hasMessageContaining("fake.eval").hasMessageContaining("zip");
        assertThatThrownBy(() -> read(reader, empty)).isInstanceOf(IOException.class)
                .hasMessageContaining("empty.eval").hasMessageContaining("zip");
    }

    @Test
    void anEntryClimbingOutOfTheArchiveRefusesTheWholeFile() throws IOException {
        Map<String, byte[]> entries = InspectFixtures.finishedEval();
        entries.put("samples/../../etc/passwd.json", utf8("{}"));
        Path file = evalFile("traversal.eval", entries);
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> reader.read(ImportSource.of(file), sink)).isInstanceOf(SafeZip.UnsafeZipException.class)
                .hasMessageContaining("traversal.eval").hasMessageContaining("samples/../../etc/passwd.json");
        assertThat(sink.runs).isEmpty();
    }

    @Test
    void anAbsoluteEntryNameRefusesTheWholeFile() throws IOException {
        Map<String, byte[]> entries = InspectFixtures.finishedEval();
        entries.put("/tmp/sample.json", utf8("{}"));
        Path file = evalFile("absolute.eval", entries);

        assertThatThrownBy(() -> read(reader, file)).hasMessageContaining("absolute.eval").hasMessageContaining("absolute path");
    }

    @Test
    void anEntryDeclaringMoreThanTheLimitRefusesTheWholeFile() throws IOException {
        Map<String, byte[]> entries = InspectFixtures.finishedEval();
        entries.put("samples/2_epoch_1.json", new byte[150_000]);
        Path file = evalFile("oversized.eval", entries);
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> new InspectEvalReader(SMALL).read(ImportSource.of(file), sink))
                .isInstanceOf(SafeZip.UnsafeZipException.class)
                .hasMessageContaining("oversized.eval").hasMessageContaining("declares 150000 bytes");
        assertThat(sink.runs).isEmpty();
    }

    @Test
    void tooManyEntriesRefuseTheWholeFile() throws IOException {
        Map<String, byte[]> entries = InspectFixtures.finishedEval();
        for (int i = 0; i < 30; i++) {
            entries.put("_journal/summaries/extra" + i + ".json", utf8("[]"));
        }
        Path file = evalFile("crowded.eval", entries);

        assertThatThrownBy(() -> read(new InspectEvalReader(SMALL), file))
                .hasMessageContaining("crowded.eval").hasMessageContaining("more than the limit of 20");
    }

    @Test
    void aZipBombIsRefusedByItsRatioBeforeAnythingIsRead() throws IOException {
        Map<String, byte[]> entries = InspectFixtures.finishedEval();
        entries.put("samples/2_epoch_1.json", new byte[8 * 1024 * 1024]);
        Path file = evalFile("bomb.eval", entries);
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> reader.read(ImportSource.of(file), sink))
                .isInstanceOf(SafeZip.UnsafeZipException.class)
                .hasMessageContaining("bomb.eval").hasMessageContaining("compression ratio");
        assertThat(sink.cases).isEmpty();
    }

    @Test
    void entriesDeclaringMoreThanTheTotalLimitRefuseTheWholeFile() throws IOException {
        Map<String, byte[]> entries = InspectFixtures.finishedEval();
        for (int i = 2; i < 8; i++) {
            entries.put("samples/" + i + "_epoch_1.json", randomJson(90_000, i));
        }
        Path file = evalFile("heavy.eval", entries);

        assertThatThrownBy(() -> read(new InspectEvalReader(SMALL), file))
                .hasMessageContaining("heavy.eval").hasMessageContaining("in total");
    }

    @Test
    void aSampleEntryThatInflatesBeyondWhatItDeclaresIsRejectedAlone() throws IOException {
        Map<String, byte[]> entries = InspectFixtures.finishedEval();
        entries.put("samples/2_epoch_1.json", randomJson(150_000, 2));
        byte[] archive = declareSize(zip(entries), "samples/2_epoch_1.json", 1_000);
        CollectingSink sink = read(new InspectEvalReader(SMALL), write(dir, "liar.eval", archive));

        assertThat(sink.cases).extracting(c -> c.caseKey).containsExactly("id:1");
        assertThat(sink.rejections).singleElement().satisfies(rejection -> {
            assertThat(rejection.locator()).isEqualTo("samples/2_epoch_1.json");
            assertThat(rejection.reason()).contains("inflates to more than 100000 bytes (it declares 1000)");
        });
    }

    /** A JSON string of random letters: it does not compress, so only its size can be judged. */
    private static byte[] randomJson(int size, long seed) {
        java.util.Random random = new java.util.Random(seed);
        StringBuilder text = new StringBuilder("{\"id\":" + seed + ",\"input\":\"");
        while (text.length() < size - 2) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return utf8(text.append("\"}").toString());
    }

    /** Rewrites the uncompressed size the central directory declares for one entry: a lying header. */
    private static byte[] declareSize(byte[] archive, String name, int declared) {
        ByteBuffer buffer = ByteBuffer.wrap(archive).order(ByteOrder.LITTLE_ENDIAN);
        byte[] nameBytes = utf8(name);
        for (int at = 0; at + 46 < archive.length; at++) {
            if (buffer.getInt(at) == 0x02014b50 && buffer.getShort(at + 28) == nameBytes.length
                    && java.util.Arrays.equals(archive, at + 46, at + 46 + nameBytes.length, nameBytes, 0, nameBytes.length)) {
                buffer.putInt(at + 24, declared);
                return archive;
            }
        }
        throw new AssertionError("no central directory entry " + name);
    }
}
