package dev.tracedesk.evals.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jooq.DSLContext;

import dev.tracedesk.evals.compare.BlameItem.Aspect;
import dev.tracedesk.review.TextDiff;

/**
 * For a case that passed in the baseline and not in the other run: what differs between the two
 * calls — prompt template and version, template and rendered prompt text (word diffs), served
 * model, parameters, retrieved documents, tokens, latency, cost and output. Each side's facts come
 * from its linked trace when there is one, else from the eval file ({@link CallFactsReader}).
 */
public final class RegressionBlame {

    private final DSLContext dsl;

    public RegressionBlame(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * @throws IllegalArgumentException for a pair missing a side (a new or removed case has nothing to compare)
     */
    public Blame blame(ComparisonResult comparison, CasePair pair) {
        if (pair.baseline() == null || pair.other() == null) {
            throw new IllegalArgumentException("Case " + pair.caseKey() + " is in one run only: there is nothing to compare.");
        }
        CallFactsReader reader = new CallFactsReader(dsl);
        CallFacts before = reader.read(comparison.baseline(), pair.baseline());
        CallFacts after = reader.read(comparison.other(), pair.other());
        return new Blame(pair, before, after, compare(before, after));
    }

    static List<BlameItem> compare(CallFacts before, CallFacts after) {
        List<BlameItem> items = new ArrayList<>();
        items.add(plain(Aspect.PROMPT_TEMPLATE, before.promptLabel(), after.promptLabel()));
        items.add(text(Aspect.TEMPLATE_TEXT, before.templateText(), after.templateText()));
        items.add(text(Aspect.PROMPT_TEXT, before.promptText(), after.promptText()));
        items.add(plain(Aspect.MODEL, before.model(), after.model()));
        items.add(parameters(before.parameters(), after.parameters()));
        DocumentChanges documents = DocumentChanges.between(before.documents(), after.documents());
        items.add(new BlameItem(Aspect.DOCUMENTS, ids(before.documents()), ids(after.documents()), !documents.isEmpty(),
                List.of(), documents));
        items.add(plain(Aspect.TOKENS, tokens(before), tokens(after)));
        items.add(plain(Aspect.LATENCY, milliseconds(before.latencyMs()), milliseconds(after.latencyMs())));
        items.add(new BlameItem(Aspect.COST, dollars(before.costUsd()), dollars(after.costUsd()),
                !sameAmount(before.costUsd(), after.costUsd()), List.of(), null));
        items.add(text(Aspect.OUTPUT, before.output(), after.output()));
        return items;
    }

    private static BlameItem plain(Aspect aspect, String before, String after) {
        return new BlameItem(aspect, before, after, !Objects.equals(before, after), List.of(), null);
    }

    private static BlameItem text(Aspect aspect, String before, String after) {
        boolean changed = !Objects.equals(before, after);
        return new BlameItem(aspect, before, after, changed, changed ? TextDiff.of(before, after) : List.of(), null);
    }

    /** Only the parameters that differ, on each side: "temperature=0" → "temperature=0.7". */
    private static BlameItem parameters(Map<String, String> before, Map<String, String> after) {
        List<String> differing = new ArrayList<>();
        before.keySet().stream().filter(name -> !Objects.equals(before.get(name), after.get(name))).forEach(differing::add);
        after.keySet().stream().filter(name -> !before.containsKey(name)).forEach(differing::add);
        if (differing.isEmpty()) {
            String all = describe(before, before.keySet().stream().sorted().toList());
            return new BlameItem(Aspect.PARAMETERS, all, all, false, List.of(), null);
        }
        List<String> sorted = differing.stream().sorted().toList();
        return new BlameItem(Aspect.PARAMETERS, describe(before, sorted), describe(after, sorted), true, List.of(), null);
    }

    private static String describe(Map<String, String> parameters, List<String> names) {
        if (names.isEmpty()) {
            return null;
        }
        return names.stream().map(name -> name + "=" + (parameters.containsKey(name) ? parameters.get(name) : "(unset)"))
                .collect(Collectors.joining(", "));
    }

    private static String ids(List<CallFacts.RetrievedDocument> documents) {
        return documents.isEmpty() ? null : documents.stream()
                .map(d -> d.score() == null ? d.id() : d.id() + " (" + d.score() + ")").collect(Collectors.joining(", "));
    }

    /** "23 in, 2 out, 25 total"; null when the side knows no token count. */
    private static String tokens(CallFacts facts) {
        if (facts.inputTokens() == null && facts.outputTokens() == null && facts.totalTokens() == null) {
            return null;
        }
        return orQuestion(facts.inputTokens()) + " in, " + orQuestion(facts.outputTokens()) + " out, "
                + orQuestion(facts.totalTokens()) + " total";
    }

    private static String orQuestion(Long value) {
        return value == null ? "?" : value.toString();
    }

    private static String milliseconds(Long value) {
        return value == null ? null : value + " ms";
    }

    private static String dollars(BigDecimal value) {
        return value == null ? null : "$" + value.stripTrailingZeros().toPlainString();
    }

    /** 0.00012 and 0.000120 are the same amount; the store's scale is not a difference. */
    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
