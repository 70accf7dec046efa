package dev.tracedesk.evals;

import java.util.List;
import java.util.Locale;

/**
 * A case of the run on screen, with its assertions read once and the lower-cased text the search
 * field looks in (description, vars and output), so filtering as one types costs no parsing.
 * {@code spanId} is the external id of the span the case graded, or null.
 */
public record EvalCaseRow(EvalCaseDetail detail, List<CaseAssertion> assertions, String searchText, String spanId) {

    public EvalCaseRow {
        assertions = List.copyOf(assertions);
    }

    public static EvalCaseRow of(EvalCaseDetail detail, String spanId) {
        String searchText = String.join("\n", nonNull(detail.description()), nonNull(detail.varsJson()),
                nonNull(detail.output())).toLowerCase(Locale.ROOT);
        return new EvalCaseRow(detail, CaseAssertion.parse(detail.assertionsJson()), searchText, spanId);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    public boolean passed() {
        return "PASS".equals(detail.status());
    }

    public boolean failed() {
        return "FAIL".equals(detail.status());
    }

    public boolean errored() {
        return "ERROR".equals(detail.status());
    }

    public boolean hasTrace() {
        return detail.traceId() != null && !detail.traceId().isBlank();
    }

    /** "pass", "fail" or "error", as the table and the detail show it. */
    public String statusWord() {
        return detail.status() == null ? "" : detail.status().toLowerCase(Locale.ROOT);
    }

    /** The case's description, else its vars on one line, else its key: what names it in the table. */
    public String title() {
        if (detail.description() != null && !detail.description().isBlank()) {
            return detail.description();
        }
        if (detail.varsJson() != null && !detail.varsJson().isBlank()) {
            return detail.varsJson().replaceAll("\\s+", " ");
        }
        return detail.caseKey();
    }

    public String provider() {
        return detail.provider() == null ? "" : detail.provider();
    }

    /** The types of the assertions that failed, which say at a glance why a case failed. */
    public String failedAssertionTypes() {
        return String.join(", ", assertions.stream().filter(CaseAssertion::failed).map(CaseAssertion::type)
                .distinct().toList());
    }
}
