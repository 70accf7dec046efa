package dev.tracedesk.grounding;

/**
 * How well the retrieved context covers a sentence's words — a hint where to look, not a judgement
 * of truth (decision 0011).
 */
public enum Verdict {
    SUPPORTED,
    WEAK,
    UNSUPPORTED;

    /** At least this share of a sentence's content words in one document: supported. */
    public static final double SUPPORTED_FROM = 0.6;
    /** At least this share, but less than {@link #SUPPORTED_FROM}: weak; below: unsupported. */
    public static final double WEAK_FROM = 0.3;

    /**
     * A number the best document lacks caps the verdict at weak however many other words match:
     * "within 14 days" against "within 30 days" shares most of its words and says something else.
     * The best document, not the whole context: another document's "7–14 business days" for
     * shipping does not make a 14-day return window supported.
     */
    static Verdict of(double support, boolean numberMissing) {
        if (support >= SUPPORTED_FROM && !numberMissing) {
            return SUPPORTED;
        }
        return support >= WEAK_FROM ? WEAK : UNSUPPORTED;
    }
}
