package dev.tracedesk.review.rules;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The result of applying the enabled rules: review items created, existing items that got a new
 * reason, and per rule how many targets it matched or why it could not be applied.
 */
public record ApplyResult(int itemsCreated, int itemsUpdated, List<RuleOutcome> byRule) {

    public ApplyResult {
        byRule = List.copyOf(byRule);
    }

    public List<RuleOutcome> failedRules() {
        return byRule.stream().filter(RuleOutcome::failed).toList();
    }

    /** The rules that could not be applied and why, in one paragraph; empty when all were. */
    public Optional<String> problems() {
        List<RuleOutcome> failed = failedRules();
        if (failed.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(failed.stream().map(RuleOutcome::error)
                .collect(Collectors.joining("; ", "Flag rules not applied: ", ".")));
    }

    /** "3 new review items, 1 updated" — for the rules dialog and the command line. */
    public String summary() {
        return itemsCreated + (itemsCreated == 1 ? " new review item, " : " new review items, ") + itemsUpdated + " updated";
    }
}
