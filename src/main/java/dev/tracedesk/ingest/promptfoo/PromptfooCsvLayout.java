package dev.tracedesk.ingest.promptfoo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which columns of a promptfoo CSV are what. promptfoo has written two layouts:
 * <ul>
 *   <li><b>split</b> (newer, the web viewer's export): [Description,] vars…, then per prompt column
 *       "[provider] label", Status, Score, Named Scores, ["Metric: name"…,] Grader Reason, Comment;
 *       red-team evals add metadata columns at the end;</li>
 *   <li><b>combined</b> (older): vars… and one "[provider] label" column per prompt whose cells read
 *       "[PASS] (score) output … Pass Reason: …" (the oldest put the prompt columns first).</li>
 * </ul>
 */
final class PromptfooCsvLayout {

    static final String METRIC_PREFIX = "Metric: ";
    private static final Pattern PROVIDER_AND_LABEL = Pattern.compile("^\\[([^\\]]*)\\] (.*)$", Pattern.DOTALL);

    enum Style { SPLIT, COMBINED }

    /** A prompt column: where its cells start, and the (provider, template label) it is for. */
    record PromptColumn(int index, String provider, String label) {
    }

    final Style style;
    final int descriptionIndex;
    final List<Integer> varIndexes;
    final List<String> varNames;
    final List<PromptColumn> prompts;
    /** Columns per prompt: 1 in the combined layout, 6 or more in the split one. */
    final int groupWidth;
    final int width;

    private PromptfooCsvLayout(Style style, int descriptionIndex, List<Integer> varIndexes, List<String> varNames,
                               List<PromptColumn> prompts, int groupWidth, int width) {
        this.style = style;
        this.descriptionIndex = descriptionIndex;
        this.varIndexes = List.copyOf(varIndexes);
        this.varNames = List.copyOf(varNames);
        this.prompts = List.copyOf(prompts);
        this.groupWidth = groupWidth;
        this.width = width;
    }

    /** The layout of this header, or empty when it is no promptfoo output header. */
    static Optional<PromptfooCsvLayout> of(List<String> header) {
        Optional<PromptfooCsvLayout> split = split(header);
        return split.isPresent() ? split : combined(header);
    }

    private static Optional<PromptfooCsvLayout> split(List<String> header) {
        List<PromptColumn> prompts = new ArrayList<>();
        int groupWidth = -1;
        for (int i = 0; i < header.size(); i++) {
            int width = splitGroupWidthAt(header, i);
            if (width > 0 && (groupWidth < 0 || width == groupWidth)) {
                groupWidth = width;
                prompts.add(column(i, header.get(i), true));
                i += width - 1;
            }
        }
        if (prompts.isEmpty()) {
            return Optional.empty();
        }
        int first = prompts.get(0).index();
        int description = header.get(0).equals("Description") && first > 0 ? 0 : -1;
        List<Integer> varIndexes = new ArrayList<>();
        List<String> varNames = new ArrayList<>();
        for (int i = description + 1; i < first; i++) {
            varIndexes.add(i);
            varNames.add(header.get(i));
        }
        return Optional.of(new PromptfooCsvLayout(Style.SPLIT, description, varIndexes, varNames, prompts,
                groupWidth, header.size()));
    }

    /**
     * The width of the split group whose output column is at {@code i}: the output, Status, Score,
     * Named Scores, one "Metric: name" column per named metric (0.121 and later), Grader Reason,
     * Comment; 0 when no group starts there.
     */
    private static int splitGroupWidthAt(List<String> header, int i) {
        int at = i + 1;
        for (String expected : List.of("Status", "Score", "Named Scores")) {
            if (at >= header.size() || !header.get(at++).equals(expected)) {
                return 0;
            }
        }
        while (at < header.size() && header.get(at).startsWith(METRIC_PREFIX)) {
            at++;
        }
        for (String expected : List.of("Grader Reason", "Comment")) {
            if (at >= header.size() || !header.get(at++).equals(expected)) {
                return 0;
            }
        }
        return at - i;
    }

    private static Optional<PromptfooCsvLayout> combined(List<String> header) {
        List<PromptColumn> prompts = new ArrayList<>();
        List<Integer> varIndexes = new ArrayList<>();
        List<String> varNames = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (PROVIDER_AND_LABEL.matcher(header.get(i)).matches()) {
                prompts.add(column(i, header.get(i), false));
            } else {
                varIndexes.add(i);
                varNames.add(header.get(i));
            }
        }
        return prompts.isEmpty() ? Optional.empty()
                : Optional.of(new PromptfooCsvLayout(Style.COMBINED, -1, varIndexes, varNames, prompts, 1, header.size()));
    }

    /** "[openai:gpt-5] Solve this riddle: {{riddle}}"; the split layout drops the brackets with no provider. */
    private static PromptColumn column(int index, String heading, boolean bareLabelAllowed) {
        Matcher parts = PROVIDER_AND_LABEL.matcher(heading);
        if (parts.matches()) {
            return new PromptColumn(index, parts.group(1), parts.group(2));
        }
        return new PromptColumn(index, "", bareLabelAllowed ? heading : "");
    }

    PromptTemplates templates() {
        PromptTemplates templates = PromptTemplates.empty();
        for (PromptColumn prompt : prompts) {
            templates.add(new PromptTemplates.Template(prompt.label(), null, prompt.provider(), null));
        }
        return templates;
    }
}
