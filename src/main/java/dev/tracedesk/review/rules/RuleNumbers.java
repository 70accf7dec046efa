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

    /** Money with at least two decimals: "$5.00", "$5.12", "$5.004", "$0.0042". */
    static String dollars(BigDecimal value) {
        String shown = usd(value).substring(1);
        BigDecimal number = new BigDecimal(shown);
        return "$" + (number.scale() < 2 ? number.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : shown);
    }

    /** Milliseconds as "850 ms", "12.4 s", "10 s". */
    static String duration(double millis) {
        if (millis < 1000) {
            return plain(BigDecimal.valueOf(millis).setScale(1, RoundingMode.HALF_UP).doubleValue()) + " ms";
        }
        return plain(BigDecimal.valueOf(millis / 1000).setScale(1, RoundingMode.HALF_UP).doubleValue()) + " s";
    }
}
