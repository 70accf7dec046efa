package dev.tracedesk.evals.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jooq.DSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.evals.EvalRunQueries;
import dev.tracedesk.ingest.FormatReaders;
import dev.tracedesk.ingest.ImportService;
import dev.tracedesk.ingest.TestImports;

/**
 * The two real promptfoo runs of the capitals tests under prompt v1 and v2 (fixtures/promptfoo),
 * imported into a workspace; and what promptfoo itself says of each result, read from the files
 * here without Tracedesk's importer, so a test can derive the expected comparison on its own.
 */
public final class PromptVersionRuns {

    public static final Path V1 = Path.of("src/test/resources/fixtures/promptfoo/run-prompt-v1.json");
    public static final Path V2 = Path.of("src/test/resources/fixtures/promptfoo/run-prompt-v2.json");

    /** The workspace ids the two runs got. */
    public record Imported(long v1, long v2) {
    }

    /** One result as promptfoo wrote it: provider (label, else id), test description and variables, verdict. */
    public record PromptfooResult(String provider, String description, JsonNode vars, boolean success, boolean error) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PromptVersionRuns() {
    }

    public static Imported importBoth(DSLContext dsl) {
        ImportService service = new ImportService(dsl, FormatReaders.standard());
        service.importFile(V1, Optional.empty(), TestImports.NEVER_CANCELLED);
        service.importFile(V2, Optional.empty(), TestImports.NEVER_CANCELLED);
        EvalRunQueries runs = new EvalRunQueries(dsl);
        return new Imported(runs.findRuns(evalId(V1)).get(0).id(), runs.findRuns(evalId(V2)).get(0).id());
    }

    public static String evalId(Path file) {
        return read(file).get("evalId").asText();
    }

    public static List<PromptfooResult> results(Path file) {
        List<PromptfooResult> results = new java.util.ArrayList<>();
        for (JsonNode result : read(file).path("results").path("results")) {
            JsonNode provider = result.path("provider");
            String label = provider.path("label").asText("");
            String name = provider.isTextual() ? provider.asText() : label.isBlank() ? provider.path("id").asText() : label;
            // promptfoo's ResultFailureReason: 1 = an assertion failed, 2 = the call (or grading) errored
            boolean error = result.path("failureReason").asInt(0) == 2;
            results.add(new PromptfooResult(name, result.path("testCase").path("description").asText(),
                    result.path("testCase").path("vars"), result.path("success").asBoolean(), error));
        }
        return results;
    }

    /**
     * Per provider, the descriptions of the tests whose v1 and v2 results fall in each outcome, by
     * promptfoo's own success and failureReason, tests matched by provider and variables.
     */
    public static Map<String, Map<CaseOutcome, Set<String>>> expectedOutcomes() {
        Map<String, PromptfooResult> later = new HashMap<>();
        results(V2).forEach(result -> later.put(result.provider() + "\u0000" + result.vars(), result));
        Map<String, Map<CaseOutcome, Set<String>>> expected = new HashMap<>();
        for (PromptfooResult before : results(V1)) {
            PromptfooResult after = later.remove(before.provider() + "\u0000" + before.vars());
            CaseOutcome outcome = after == null ? CaseOutcome.REMOVED
                    : before.success() && after.success() ? CaseOutcome.UNCHANGED
                    : before.success() ? CaseOutcome.REGRESSED
                    : after.success() ? CaseOutcome.IMPROVED
                    : before.error() && after.error() ? CaseOutcome.ERRORED_IN_BOTH
                    : CaseOutcome.STILL_FAILING;
            expected.computeIfAbsent(before.provider(), p -> new HashMap<>())
                    .computeIfAbsent(outcome, o -> new TreeSet<>()).add(before.description());
        }
        later.values().forEach(after -> expected.computeIfAbsent(after.provider(), p -> new HashMap<>())
                .computeIfAbsent(CaseOutcome.NEW, o -> new TreeSet<>()).add(after.description()));
        return expected;
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
