package dev.tracedesk.evals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the Eval runs section writes numbers, money, durations and dates: one place, the same everywhere. */
public final class EvalFormat {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private EvalFormat() {
    }

    public static String when(OffsetDateTime time) {
        return time == null ? "" : WHEN.format(time);
    }

    /** "72.2%"; empty when there is nothing to rate. */
    public static String percent(Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    /** Dollars with three significant digits, since eval calls often cost a fraction of a cent. */
    public static String cost(BigDecimal usd) {
        if (usd == null) {
            return "";
        }
        if (usd.signum() == 0) {
            return "$0";
        }
        BigDecimal shown = usd.abs().compareTo(BigDecimal.ONE) >= 0 ? usd.setScale(2, RoundingMode.HALF_UP)
                : usd.round(new java.math.MathContext(3, RoundingMode.HALF_UP));
        return "$" + shown.stripTrailingZeros().toPlainString();
    }

    public static String latency(Double millis) {
        return millis == null ? "" : Math.round(millis) + " ms";
    }

    public static String score(Double score) {
        if (score == null) {
            return "";
        }
        return score == Math.rint(score) ? String.valueOf(score.longValue()) : String.format(Locale.ROOT, "%.2f", score);
    }

    /** "promptfoo · run eval-eiS… · started 27 Nov 2026 06:03 · 18 cases: 9 passed, 7 failed, 2 errors · dataset x@2". */
    public static String runFacts(EvalRunDetail run) {
        if (run == null) {
            return "";
        }
        long passed = run.cases().stream().filter(c -> "PASS".equals(c.status())).count();
        long failed = run.cases().stream().filter(c -> "FAIL".equals(c.status())).count();
        long errors = run.cases().stream().filter(c -> "ERROR".equals(c.status())).count();
        List<String> parts = new ArrayList<>(List.of(run.tool(), "run " + run.runId()));
        if (run.startedAt() != null) {
            parts.add("started " + when(run.startedAt()));
        }
        parts.add(run.cases().size() + " cases: " + passed + " passed, " + failed + " failed, " + errors
                + (errors == 1 ? " error" : " errors"));
        parts.add(run.dataset() == null ? "no dataset linked" : "dataset " + run.dataset());
        return String.join("  ·  ", parts);
    }

    /** "score 0.5 · 131 ms · 25 tokens · $0.0000093": what the case cost and how it scored. */
    public static String caseFacts(EvalCaseDetail evalCase) {
        List<String> parts = new ArrayList<>();
        if (evalCase.score() != null) {
            parts.add("score " + score(evalCase.score()));
        }
        if (evalCase.latencyMs() != null) {
            parts.add(evalCase.latencyMs() + " ms");
        }
        if (evalCase.totalTokens() != null) {
            parts.add(evalCase.totalTokens() + " tokens");
        }
        if (evalCase.costUsd() != null) {
            parts.add(cost(evalCase.costUsd()));
        }
        return String.join("  ·  ", parts);
    }

    /** Text on one line, for a table cell. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }
}
