package dev.tracedesk.review;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How far reviewers agree on verdicts, over the items two of them both labeled. Per pair of
 * reviewers: percent agreement and Cohen's kappa, κ = (p₀ − pₑ) / (1 − pₑ), with pₑ from each
 * reviewer's own verdict shares on the shared items. For a queue: percent agreement over every
 * such pair of labels, and the mean of the pairs' kappas (Light's kappa) — for two reviewers
 * exactly Cohen's. Kappa is null where it is undefined (both always gave the same one verdict).
 */
public record Agreement(int itemsCompared, Double percentAgreement, Double kappa, List<PairAgreement> pairs) {

    public Agreement {
        pairs = List.copyOf(pairs);
    }

    public record PairAgreement(String reviewerA, String reviewerB, int items, int agreed, double percentAgreement,
                                Double kappa) {
    }

    /** @param verdictsByItem each item's current verdict per reviewer */
    public static Agreement of(Map<Long, Map<String, Verdict>> verdictsByItem) {
        TreeSet<String> reviewers = new TreeSet<>();
        verdictsByItem.values().forEach(byReviewer -> reviewers.addAll(byReviewer.keySet()));
        List<String> names = List.copyOf(reviewers);
        List<PairAgreement> pairs = new ArrayList<>();
        int labelPairs = 0;
        int agreeingPairs = 0;
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                PairAgreement pair = pair(names.get(a), names.get(b), verdictsByItem);
                if (pair != null) {
                    pairs.add(pair);
                    labelPairs += pair.items();
                    agreeingPairs += pair.agreed();
                }
            }
        }
        int compared = (int) verdictsByItem.values().stream().filter(byReviewer -> byReviewer.size() >= 2).count();
        Double percent = labelPairs == 0 ? null : 100.0 * agreeingPairs / labelPairs;
        List<Double> kappas = pairs.stream().map(PairAgreement::kappa).filter(k -> k != null).toList();
        Double kappa = kappas.isEmpty() ? null : kappas.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Agreement(compared, percent, kappa, pairs);
    }

    private static PairAgreement pair(String a, String b, Map<Long, Map<String, Verdict>> verdictsByItem) {
        int items = 0;
        int agree = 0;
        Map<Verdict, Integer> sharesA = new EnumMap<>(Verdict.class);
        Map<Verdict, Integer> sharesB = new EnumMap<>(Verdict.class);
        for (Map<String, Verdict> byReviewer : verdictsByItem.values()) {
            Verdict first = byReviewer.get(a);
            Verdict second = byReviewer.get(b);
            if (first == null || second == null) {
                continue;
            }
            items++;
            agree += first == second ? 1 : 0;
            sharesA.merge(first, 1, Integer::sum);
            sharesB.merge(second, 1, Integer::sum);
        }
        if (items == 0) {
            return null;
        }
        double observed = (double) agree / items;
        double expected = 0;
        for (Verdict verdict : Verdict.values()) {
            expected += (sharesA.getOrDefault(verdict, 0) / (double) items) * (sharesB.getOrDefault(verdict, 0) / (double) items);
        }
        Double kappa = expected >= 1.0 ? null : (observed - expected) / (1.0 - expected);
        return new PairAgreement(a, b, items, agree, 100.0 * observed, kappa);
    }
}
