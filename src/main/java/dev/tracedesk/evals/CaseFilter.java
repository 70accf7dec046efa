package dev.tracedesk.evals;

import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the run detail's filter bar chose. {@code assertionType} and {@code provider} are null for
 * "any"; {@code text} is matched, case-insensitively, in a case's description, vars and output;
 * {@code scoreBin} (null: any) is a tenth of [0, 1], set by a click on the score chart.
 */
public record CaseFilter(Status status, String assertionType, String provider, String text, Integer scoreBin)
        implements Predicate<EvalCaseRow> {

    public enum Status {
        ALL, FAILURES, ERRORS
    }

    public static final CaseFilter NONE = new CaseFilter(Status.ALL, null, null, "", null);

    public CaseFilter {
        text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean test(EvalCaseRow row) {
        return statusMatches(row) && assertionMatches(row)
                && (provider == null || provider.equals(row.provider()))
                && (text.isEmpty() || row.searchText().contains(text))
                && (scoreBin == null || row.detail().score() != null
                        && dev.tracedesk.evals.charts.RunChartQueries.bin(row.detail().score()) == scoreBin);
    }

    private boolean statusMatches(EvalCaseRow row) {
        return switch (status) {
            case ALL -> true;
            case FAILURES -> row.failed();
            case ERRORS -> row.errored();
        };
    }

    /**
     * Among failures, an assertion type means "failed on that type" — what one asks when sorting
     * out why cases fail; otherwise it means the case checks that type at all.
     */
    private boolean assertionMatches(EvalCaseRow row) {
        if (assertionType == null) {
            return true;
        }
        return row.assertions().stream().anyMatch(assertion -> assertion.type().equals(assertionType)
                && (status != Status.FAILURES || assertion.failed()));
    }

    public boolean isNone() {
        return status == Status.ALL && assertionType == null && provider == null && text.isEmpty() && scoreBin == null;
    }
}
