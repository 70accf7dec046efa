package dev.tracedesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.review.LabelSchema;
import dev.tracedesk.review.ReviewItemSummary;
import dev.tracedesk.review.ReviewItems;
import dev.tracedesk.review.ReviewLabels;
import dev.tracedesk.review.ReviewQueues;
import dev.tracedesk.review.Reviewers;
import dev.tracedesk.review.Verdict;
import dev.tracedesk.review.log.LabelDraft;
import dev.tracedesk.review.log.LabelEntry;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "label", description = "Label a review item. Each label is a new entry in the review log.")
public final class LabelCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "ITEM_ID", description = "The item, as `tracedesk review list` shows it.")
    private long itemId;

    @Option(names = "--verdict", required = true, paramLabel = "pass|fail|unsure")
    private String verdict;

    @Option(names = "--category", paramLabel = "C", description = "A failure category; repeat for several.")
    private List<String> categories = new ArrayList<>();

    @Option(names = "--score", paramLabel = "NAME=VALUE", description = "A score the queue's label schema asks for; repeat for several.")
    private Map<String, String> scores = new LinkedHashMap<>();

    @Option(names = "--correction", paramLabel = "TEXT|@FILE", description = "The corrected output, or @FILE to read it (UTF-8).")
    private String correction;

    @Option(names = "--note", paramLabel = "TEXT")
    private String note;

    @Option(names = "--reviewer", paramLabel = "NAME", description = "Who labels (default: TRACEDESK_REVIEWER, else the OS user).")
    private String reviewer;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Verdict chosen = Verdict.parse(verdict).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "--verdict is pass, fail or unsure, not \"" + verdict + "\"."));
        String who = reviewer != null ? reviewer : Reviewers.fromEnvironment(System.getenv());
        String correctionText = correctionText();
        LabelEntry entry;
        ReviewItemSummary item;
        try (Workspace open = workspace.open()) {
            ReviewItems items = new ReviewItems(open.dsl(), Clock.systemUTC());
            item = items.item(itemId).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "There is no review item " + itemId + ". List them with: tracedesk review list"));
            LabelSchema schema = new ReviewQueues(open.dsl(), Clock.systemUTC()).schemaOfItem(itemId);
            LabelDraft draft = new LabelDraft(chosen, checkedCategories(schema), checkedScores(schema), correctionText,
                    note, Map.of());
            entry = new ReviewLabels(open.dsl(), Clock.systemUTC()).label(itemId, who, draft);
            item = items.item(itemId).orElseThrow();
        } catch (IllegalArgumentException invalid) {
            throw new ParameterException(spec.commandLine(), invalid.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("labelId", entry.id());
            result.put("itemId", itemId);
            result.put("reviewer", entry.reviewer());
            result.put("verdict", chosen.name().toLowerCase(Locale.ROOT));
            result.put("categories", entry.categories());
            result.put("itemState", item.state().name().toLowerCase(Locale.ROOT));
            result.put("entryHash", entry.entryHash());
            JsonOutput.write(out, result);
        } else {
            out.printf("Saved label %d on item %d: %s by %s. The item is now %s.%n", entry.id(), itemId,
                    chosen.label().toLowerCase(Locale.ROOT), entry.reviewer(),
                    item.state().name().toLowerCase(Locale.ROOT));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private Map<String, Double> checkedScores(LabelSchema schema) {
        Map<String, Double> checked = new LinkedHashMap<>();
        scores.forEach((name, text) -> {
            LabelSchema.Score score = schema.scores().stream().filter(s -> s.name().equalsIgnoreCase(name.trim()))
                    .findFirst().orElseThrow(() -> new ParameterException(spec.commandLine(), "This queue has no score \""
                            + name + "\"" + (schema.scores().isEmpty() ? "; it asks for none."
                            : ". Its scores are: " + String.join(", ", schema.scores().stream()
                            .map(LabelSchema.Score::name).toList()) + ".")));
            double value;
            try {
                value = Double.parseDouble(text.trim());
            } catch (NumberFormatException notANumber) {
                throw new ParameterException(spec.commandLine(), "--score " + name + " needs a number, not \"" + text + "\".");
            }
            if (value < score.min() || value > score.max()) {
                throw new ParameterException(spec.commandLine(), "--score " + score.name() + " is from " + score.min()
                        + " to " + score.max() + ", not " + text + ".");
            }
            checked.put(score.name(), value);
        });
        return checked;
    }

    private List<String> checkedCategories(LabelSchema schema) {
        List<String> names = new ArrayList<>();
        for (String category : categories) {
            LabelSchema.Category known = schema.category(category).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "Unknown category \"" + category + "\". The categories are: "
                    + schema.categoryNames() + "."));
            names.add(known.name());
        }
        return names;
    }

    private String correctionText() {
        if (correction == null || !correction.startsWith("@")) {
            return correction;
        }
        Path file = Path.of(correction.substring(1));
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            throw new ParameterException(spec.commandLine(), "Cannot read the correction from " + file.toAbsolutePath()
                    + ": " + (unreadable instanceof java.nio.charset.MalformedInputException
                    ? "it is not valid UTF-8" : unreadable.getMessage()) + ".");
        }
    }
}
