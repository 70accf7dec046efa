package dev.tracedesk.review;

import static dev.tracedesk.review.Verdict.FAIL;
import static dev.tracedesk.review.Verdict.PASS;
import static dev.tracedesk.review.Verdict.UNSURE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Agreement numbers against examples worked by hand. */
class AgreementTest {

    /**
     * Ten items. A: P P P P P F F F U U; B: P P P P F F F U U P.
     * They agree on items 1–4, 6, 7 and 9: p₀ = 7/10 = 0.70.
     * A's shares: P 5, F 3, U 2; B's: P 5, F 3, U 2 → pₑ = .5·.5 + .3·.3 + .2·.2 = 0.38.
     * κ = (0.70 − 0.38) / (1 − 0.38) = 0.32 / 0.62 = 0.516129…
     */
    @Test
    void twoReviewersGiveCohensKappa() {
        Verdict[] a = {PASS, PASS, PASS, PASS, PASS, FAIL, FAIL, FAIL, UNSURE, UNSURE};
        Verdict[] b = {PASS, PASS, PASS, PASS, FAIL, FAIL, FAIL, UNSURE, UNSURE, PASS};
        Map<Long, Map<String, Verdict>> verdicts = new LinkedHashMap<>();
        for (int i = 0; i < a.length; i++) {
            verdicts.put((long) i, Map.of("ana", a[i], "bo", b[i]));
        }
        verdicts.put(99L, Map.of("ana", PASS)); // labeled by one reviewer only: not compared

        Agreement agreement = Agreement.of(verdicts);

        assertThat(agreement.itemsCompared()).isEqualTo(10);
        assertThat(agreement.percentAgreement()).isCloseTo(70.0, within(1e-9));
        assertThat(agreement.kappa()).isCloseTo(0.32 / 0.62, within(1e-9));
        assertThat(agreement.pairs()).singleElement().satisfies(pair -> {
            assertThat(pair.reviewerA()).isEqualTo("ana");
            assertThat(pair.reviewerB()).isEqualTo("bo");
            assertThat(pair.items()).isEqualTo(10);
            assertThat(pair.agreed()).isEqualTo(7);
        });
    }

    /**
     * Three reviewers on four items; the queue's kappa is the mean of the three pairs' (Light's kappa),
     * worked out beside the assertions.
     */
    @Test
    void moreReviewersAverageThePairsKappas() {
        Map<Long, Map<String, Verdict>> verdicts = new LinkedHashMap<>();
        verdicts.put(1L, Map.of("ana", PASS, "bo", PASS, "cy", PASS));
        verdicts.put(2L, Map.of("ana", PASS, "bo", PASS));
        verdicts.put(3L, Map.of("ana", FAIL, "bo", UNSURE, "cy", FAIL));
        verdicts.put(4L, Map.of("ana", FAIL, "bo", FAIL));

        Agreement agreement = Agreement.of(verdicts);

        // ana–bo: agree on 1, 2, 4 (3/4); A = P P F F, B = P P U F → pₑ = .5·.5 + .5·.25 + 0·.25 = .375,
        //   κ = (.75 − .375) / .625 = 0.6
        // ana–cy: items 1, 3, both P then F → p₀ 1, pₑ .5, κ = 1
        // bo–cy: items 1, 3: B = P U, C = P F → p₀ .5, pₑ = .5·.5 + 0 + 0 = .25, κ = (.5 − .25) / .75 = 1/3
        assertThat(agreement.pairs()).extracting(Agreement.PairAgreement::kappa)
                .satisfiesExactly(k -> assertThat(k).isCloseTo(0.6, within(1e-9)),
                        k -> assertThat(k).isCloseTo(1.0, within(1e-9)),
                        k -> assertThat(k).isCloseTo(1.0 / 3, within(1e-9)));
        assertThat(agreement.kappa()).isCloseTo((0.6 + 1.0 + 1.0 / 3) / 3, within(1e-9));
        // label pairs: ana–bo 4 (3 agree), ana–cy 2 (2), bo–cy 2 (1) → 6 of 8
        assertThat(agreement.percentAgreement()).isCloseTo(75.0, within(1e-9));
        assertThat(agreement.itemsCompared()).isEqualTo(4);
    }

    @Test
    void kappaIsUndefinedWhenBothAlwaysGaveOneVerdict() {
        Agreement agreement = Agreement.of(Map.of(1L, Map.of("ana", PASS, "bo", PASS),
                2L, Map.of("ana", PASS, "bo", PASS)));

        assertThat(agreement.percentAgreement()).isEqualTo(100.0);
        assertThat(agreement.kappa()).isNull();
        assertThat(Agreement.of(Map.of()).pairs()).isEqualTo(List.of());
    }
}
