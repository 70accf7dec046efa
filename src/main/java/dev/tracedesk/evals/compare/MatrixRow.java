package dev.tracedesk.evals.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One case of the compare matrix: its key and provider, and its pair in each compared run (null
 * where that comparison has no such case), in the order the runs were chosen.
 */
public record MatrixRow(String caseKey, String provider, List<CasePair> pairs) {

    public MatrixRow {
        pairs = Collections.unmodifiableList(new ArrayList<>(pairs));
    }

    /** The first pair whose outcome is not "unchanged" — what the detail pane shows — else the first there is. */
    public CasePair focus() {
        return pairs.stream().filter(pair -> pair != null && pair.outcome() != CaseOutcome.UNCHANGED).findFirst()
                .orElse(pairs.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null));
    }

    public boolean allUnchanged() {
        return pairs.stream().allMatch(pair -> pair == null || pair.outcome() == CaseOutcome.UNCHANGED);
    }

    /** The most telling outcome across the runs (regressed before improved before …), for sorting. */
    CaseOutcome worst() {
        return pairs.stream().filter(java.util.Objects::nonNull).map(CasePair::outcome).min(Enum::compareTo)
                .orElse(CaseOutcome.UNCHANGED);
    }

    public String description() {
        CasePair any = focus();
        return any == null || any.description() == null ? caseKey : any.description();
    }

    /** Lines up the comparisons' pairs by case key and provider, worst outcome first, then in test order. */
    static List<MatrixRow> of(List<ComparisonResult> results) {
        Map<String, CasePair[]> byCase = new LinkedHashMap<>();
        for (int run = 0; run < results.size(); run++) {
            for (ProviderComparison provider : results.get(run).providers()) {
                for (CasePair pair : provider.pairs()) {
                    String key = pair.caseKey() + '\u0000' + pair.provider();
                    byCase.computeIfAbsent(key, k -> new CasePair[results.size()])[run] = pair;
                }
            }
        }
        List<MatrixRow> rows = new ArrayList<>();
        byCase.values().forEach(pairs -> {
            CasePair any = java.util.Arrays.stream(pairs).filter(java.util.Objects::nonNull).findFirst().orElseThrow();
            rows.add(new MatrixRow(any.caseKey(), any.provider(), java.util.Arrays.asList(pairs)));
        });
        rows.sort(java.util.Comparator.comparing(MatrixRow::worst));
        return rows;
    }
}
