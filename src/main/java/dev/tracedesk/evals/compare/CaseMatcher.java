package dev.tracedesk.evals.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pairs the cases of two runs (decision 0019). Providers first: the same name, else the same id
 * behind a label ({@link ProviderAliases}) when that id names exactly one unpaired provider on each
 * side. Then, within a provider, cases by case key (decision 0005). The prompt label is not part of
 * the match — comparing two prompt versions is the point — except that a key with several prompts
 * on both sides pairs equal labels, and what is left pairs only one to one.
 */
final class CaseMatcher {

    /** A baseline and an other-side case that are the same case; either may be null. */
    record Match(String provider, ComparedCase baseline, ComparedCase other) {
    }

    private CaseMatcher() {
    }

    static Map<String, List<Match>> match(List<ComparedCase> baseline, ProviderAliases baselineAliases,
                                          List<ComparedCase> other, ProviderAliases otherAliases) {
        Map<String, List<ComparedCase>> before = byProvider(baseline);
        Map<String, List<ComparedCase>> after = byProvider(other);
        Map<String, String> otherProviderOf = pairProviders(before.keySet(), baselineAliases, after.keySet(), otherAliases);
        Map<String, List<Match>> byProvider = new LinkedHashMap<>();
        for (var entry : before.entrySet()) {
            String otherProvider = otherProviderOf.get(entry.getKey());
            List<ComparedCase> otherCases = otherProvider == null ? List.of() : after.remove(otherProvider);
            byProvider.put(entry.getKey(), matchCases(entry.getKey(), entry.getValue(), otherCases));
        }
        after.forEach((provider, cases) -> byProvider.put(provider, matchCases(provider, List.of(), cases)));
        return byProvider;
    }

    private static Map<String, List<ComparedCase>> byProvider(List<ComparedCase> cases) {
        Map<String, List<ComparedCase>> byProvider = new LinkedHashMap<>();
        cases.forEach(c -> byProvider.computeIfAbsent(c.provider(), p -> new ArrayList<>()).add(c));
        return byProvider;
    }

    /** Baseline provider name → other run's provider name, for the providers that pair. */
    private static Map<String, String> pairProviders(Iterable<String> baseline, ProviderAliases baselineAliases,
                                                     Iterable<String> other, ProviderAliases otherAliases) {
        Map<String, String> paired = new LinkedHashMap<>();
        List<String> otherLeft = new ArrayList<>();
        other.forEach(otherLeft::add);
        List<String> baselineLeft = new ArrayList<>();
        for (String provider : baseline) {
            if (otherLeft.remove(provider)) {
                paired.put(provider, provider);
            } else {
                baselineLeft.add(provider);
            }
        }
        for (String provider : baselineLeft) {
            String id = baselineAliases.id(provider);
            List<String> sameIdBefore = baselineLeft.stream().filter(p -> baselineAliases.id(p).equals(id)).toList();
            List<String> sameIdAfter = otherLeft.stream().filter(p -> otherAliases.id(p).equals(id)).toList();
            if (sameIdBefore.size() == 1 && sameIdAfter.size() == 1) {
                paired.put(provider, sameIdAfter.get(0));
            }
        }
        return paired;
    }

    private static List<Match> matchCases(String provider, List<ComparedCase> baseline, List<ComparedCase> other) {
        List<ComparedCase> otherLeft = new ArrayList<>(other);
        Map<String, List<ComparedCase>> baselineByKey = new LinkedHashMap<>();
        baseline.forEach(c -> baselineByKey.computeIfAbsent(c.caseKey(), k -> new ArrayList<>()).add(c));
        List<Match> matches = new ArrayList<>();
        for (List<ComparedCase> sameKey : baselineByKey.values()) {
            String key = sameKey.get(0).caseKey();
            List<ComparedCase> candidatesLeft = new ArrayList<>(
                    otherLeft.stream().filter(c -> c.caseKey().equals(key)).toList());
            List<ComparedCase> unpaired = new ArrayList<>();
            for (ComparedCase before : sameKey) {
                ComparedCase samePrompt = candidatesLeft.stream()
                        .filter(c -> Objects.equals(c.promptLabel(), before.promptLabel())).findFirst().orElse(null);
                if (samePrompt != null) {
                    candidatesLeft.remove(samePrompt);
                    otherLeft.remove(samePrompt);
                    matches.add(new Match(provider, before, samePrompt));
                } else {
                    unpaired.add(before);
                }
            }
            if (unpaired.size() == 1 && candidatesLeft.size() == 1) {
                otherLeft.remove(candidatesLeft.get(0));
                matches.add(new Match(provider, unpaired.get(0), candidatesLeft.get(0)));
            } else {
                unpaired.forEach(before -> matches.add(new Match(provider, before, null)));
            }
        }
        otherLeft.forEach(after -> matches.add(new Match(provider, null, after)));
        return matches;
    }
}
