package dev.tracedesk.review.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How rule settings and what a rule found read in words: "12.4 s", "$0.05", "0.5". */
final class RuleNumbers {

    private RuleNumbers() {
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static String usd(BigDecimal value) {
        BigDecimal shown = value.abs().compareTo(new BigDecimal("0.01")) >= 0
                ? value.setScale(4, RoundingMode.HALF_UP) : value.round(new java.math.MathContext(3));
        return "$" + shown.stripTrailingZeros().toPlainString();
    }

    /** Milliseconds as "850 ms", "12.4 s", "10 s". */
    static String duration(double millis) {
        if (millis < 1000) {
            return plain(BigDecimal.valueOf(millis).setScale(1, RoundingMode.HALF_UP).doubleValue()) + " ms";
        }
        return plain(BigDecimal.valueOf(millis / 1000).setScale(1, RoundingMode.HALF_UP).doubleValue()) + " s";
    }
}
