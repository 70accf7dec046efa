package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.CHECK_RESULT;
import static dev.tracedesk.store.generated.Tables.SPAN;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

import dev.tracedesk.core.model.SpanKind;
import dev.tracedesk.review.rules.RuleConfig.CheckFailed;
import dev.tracedesk.review.rules.RuleConfig.NegativeFeedback;
import dev.tracedesk.review.rules.RuleConfig.ScoreBelow;
import dev.tracedesk.review.rules.RuleScope.IdRange;
import dev.tracedesk.store.generated.tables.Span;

/**
 * The check side of the rules (CHECK_FAILED, SCORE_BELOW, NEGATIVE_FEEDBACK), per window of check
 * ids. A check on an LLM call flags that call; a check on any other span (a GUARDRAIL span, the
 * CHAIN root a trace-level score lands on) flags every LLM call of the same trace; a check on an
 * eval case flags the case (decision 0012).
 */
final class CheckRuleQueries {

    private static final Span CHECKED = SPAN.as("checked");
    private static final Span CALL = SPAN.as("call");

    private final DSLContext dsl;

    CheckRuleQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<RuleMatch> failed(CheckFailed config, IdRange window) {
        Condition condition = CHECK_RESULT.PASSED.isFalse().and(sources(config.sources()));
        if (config.checkName() != null) {
            condition = condition.and(DSL.lower(CHECK_RESULT.NAME).eq(config.checkName().toLowerCase(Locale.ROOT)));
        }
        return matches(condition, window, check -> sourceWord(check) + " '" + check.get(CHECK_RESULT.NAME) + "' failed"
                + labelOf(check));
    }

    List<RuleMatch> scoreBelow(ScoreBelow config, IdRange window) {
        Condition condition = DSL.lower(CHECK_RESULT.NAME).eq(config.scoreName().toLowerCase(Locale.ROOT))
                .and(CHECK_RESULT.SCORE_VALUE.lt(config.threshold()))
                .and(sources(config.sources()));
        return matches(condition, window, check -> check.get(CHECK_RESULT.NAME) + " "
                + RuleNumbers.plain(check.get(CHECK_RESULT.SCORE_VALUE)) + " below " + RuleNumbers.plain(config.threshold()));
    }

    List<RuleMatch> negativeFeedback(NegativeFeedback config, IdRange window) {
        Condition negative = CHECK_RESULT.PASSED.isFalse();
        if (config.scoreBelow() != null) {
            negative = negative.or(CHECK_RESULT.SCORE_VALUE.lt(config.scoreBelow()));
        }
        List<String> labels = config.labels().stream().map(label -> label.toLowerCase(Locale.ROOT)).toList();
        if (!labels.isEmpty()) {
            negative = negative.or(DSL.lower(DSL.trim(CHECK_RESULT.LABEL)).in(labels));
        }
        return matches(negative.and(sources(config.sources())), window, check -> {
            String how;
            if (Boolean.FALSE.equals(check.get(CHECK_RESULT.PASSED))) {
                how = "negative" + labelOf(check);
            } else if (check.get(CHECK_RESULT.LABEL) != null && labels.contains(check.get(CHECK_RESULT.LABEL).trim().toLowerCase(Locale.ROOT))) {
                how = "'" + check.get(CHECK_RESULT.LABEL).trim() + "'";
            } else {
                how = "score " + RuleNumbers.plain(check.get(CHECK_RESULT.SCORE_VALUE)) + " below " + RuleNumbers.plain(config.scoreBelow());
            }
            return sourceWord(check) + " '" + check.get(CHECK_RESULT.NAME) + "': " + how;
        });
    }

    private List<RuleMatch> matches(Condition condition, IdRange window, Function<Record, String> describe) {
        Condition inWindow = CHECK_RESULT.ID.gt(window.after()).and(CHECK_RESULT.ID.le(window.upTo()));
        List<RuleMatch> matches = new ArrayList<>();
        for (Record check : dsl.select(CHECK_RESULT.NAME, CHECK_RESULT.CHECK_SOURCE, CHECK_RESULT.LABEL,
                        CHECK_RESULT.SCORE_VALUE, CHECK_RESULT.PASSED, CHECKED.ID, CHECKED.KIND, CHECKED.NAME, CALL.ID)
                .from(CHECK_RESULT)
                .join(CHECKED).on(CHECKED.ID.eq(CHECK_RESULT.SPAN_ID))
                .join(CALL).on(CALL.TRACE_ID.eq(CHECKED.TRACE_ID))
                        .and(CALL.KIND.eq(SpanKind.LLM.name()))
                        .and(CHECKED.KIND.ne(SpanKind.LLM.name()).or(CALL.ID.eq(CHECKED.ID)))
                .where(inWindow).and(condition)
                .fetch()) {
            String detail = describe.apply(check);
            if (!check.get(CHECKED.ID).equals(check.get(CALL.ID))) {
                detail += " (on the " + check.get(CHECKED.KIND) + " span '" + check.get(CHECKED.NAME) + "' of this call's trace)";
            }
            matches.add(new RuleMatch(TargetKind.SPAN, check.get(CALL.ID), detail));
        }
        for (Record check : dsl.select(CHECK_RESULT.NAME, CHECK_RESULT.CHECK_SOURCE, CHECK_RESULT.LABEL,
                        CHECK_RESULT.SCORE_VALUE, CHECK_RESULT.PASSED, CHECK_RESULT.EVAL_CASE_ID)
                .from(CHECK_RESULT)
                .where(inWindow).and(CHECK_RESULT.EVAL_CASE_ID.isNotNull()).and(condition)
                .fetch()) {
            matches.add(new RuleMatch(TargetKind.EVAL_CASE, check.get(CHECK_RESULT.EVAL_CASE_ID), describe.apply(check)));
        }
        return matches;
    }

    private static Condition sources(List<String> sources) {
        return sources.isEmpty() ? DSL.trueCondition() : CHECK_RESULT.CHECK_SOURCE.in(sources);
    }

    private static String sourceWord(Record check) {
        String source = check.get(CHECK_RESULT.CHECK_SOURCE);
        return source == null ? "check" : source.toLowerCase(Locale.ROOT);
    }

    private static String labelOf(Record check) {
        String label = check.get(CHECK_RESULT.LABEL);
        return label == null || label.isBlank() ? "" : " (" + label.strip() + ")";
    }
}
