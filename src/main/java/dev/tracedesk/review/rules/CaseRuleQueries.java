package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.EVAL_CASE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

import dev.tracedesk.core.model.CaseStatus;
import dev.tracedesk.review.rules.RuleScope.IdRange;

/** The eval-case side of the rules: one query per rule and window of case ids. */
final class CaseRuleQueries {

    private static final int ERROR_SHOWN = 160;

    private final DSLContext dsl;

    CaseRuleQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    private static Condition casesIn(IdRange window) {
        return EVAL_CASE.ID.gt(window.after()).and(EVAL_CASE.ID.le(window.upTo()));
    }

    List<RuleMatch> failed(boolean includeErrored, IdRange window) {
        List<String> statuses = includeErrored ? List.of(CaseStatus.FAIL.name(), CaseStatus.ERROR.name())
                : List.of(CaseStatus.FAIL.name());
        List<RuleMatch> matches = new ArrayList<>();
        for (Record row : dsl.select(EVAL_CASE.ID, EVAL_CASE.STATUS, EVAL_CASE.SCORE, EVAL_CASE.ERROR_MESSAGE).from(EVAL_CASE)
                .where(casesIn(window)).and(EVAL_CASE.STATUS.in(statuses)).fetch()) {
            String detail;
            if (CaseStatus.ERROR.name().equals(row.get(EVAL_CASE.STATUS))) {
                String error = row.get(EVAL_CASE.ERROR_MESSAGE);
                detail = "eval case errored" + (error == null || error.isBlank() ? "" : ": " + oneLine(error));
            } else {
                Double score = row.get(EVAL_CASE.SCORE);
                detail = "eval case failed" + (score == null ? "" : " (score " + RuleNumbers.plain(score) + ")");
            }
            matches.add(new RuleMatch(TargetKind.EVAL_CASE, row.get(EVAL_CASE.ID), detail));
        }
        return matches;
    }

    List<RuleMatch> slowerThan(long budgetMs, IdRange window) {
        List<RuleMatch> matches = new ArrayList<>();
        for (Record row : dsl.select(EVAL_CASE.ID, EVAL_CASE.LATENCY_MS).from(EVAL_CASE)
                .where(casesIn(window)).and(EVAL_CASE.LATENCY_MS.gt(budgetMs)).fetch()) {
            matches.add(new RuleMatch(TargetKind.EVAL_CASE, row.get(EVAL_CASE.ID), "latency "
                    + RuleNumbers.duration(row.get(EVAL_CASE.LATENCY_MS)) + " over the " + RuleNumbers.duration(budgetMs) + " budget"));
        }
        return matches;
    }

    List<RuleMatch> costlierThan(BigDecimal budgetUsd, IdRange window) {
        List<RuleMatch> matches = new ArrayList<>();
        for (Record row : dsl.select(EVAL_CASE.ID, EVAL_CASE.COST_USD).from(EVAL_CASE)
                .where(casesIn(window)).and(EVAL_CASE.COST_USD.gt(budgetUsd)).fetch()) {
            matches.add(new RuleMatch(TargetKind.EVAL_CASE, row.get(EVAL_CASE.ID), "cost "
                    + RuleNumbers.usd(row.get(EVAL_CASE.COST_USD)) + " over the " + RuleNumbers.usd(budgetUsd) + " budget"));
        }
        return matches;
    }

    /** Cases whose prompt label is the template name and whose output is not valid against the schema. */
    List<RuleMatch> invalidOutputs(String promptLabel, JsonSchemaCheck check, IdRange window) {
        List<RuleMatch> matches = new ArrayList<>();
        for (Record row : dsl.select(EVAL_CASE.ID, EVAL_CASE.ACTUAL_OUTPUT).from(EVAL_CASE)
                .where(casesIn(window)).and(EVAL_CASE.PROMPT_LABEL.eq(promptLabel)).fetch()) {
            String output = row.get(EVAL_CASE.ACTUAL_OUTPUT);
            if (output != null && !output.isBlank()) {
                check.problemWith(output).ifPresent(problem -> matches.add(new RuleMatch(TargetKind.EVAL_CASE, row.get(EVAL_CASE.ID), problem)));
            }
        }
        return matches;
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= ERROR_SHOWN ? line : line.substring(0, ERROR_SHOWN - 1) + "\u2026";
    }
}
