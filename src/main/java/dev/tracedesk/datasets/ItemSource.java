package dev.tracedesk.datasets;

/** Where an item is taken from: a review item, an eval case or a span (LLM call), by row id. */
public record ItemSource(Kind kind, long id) {

    public enum Kind {
        REVIEW_ITEM("item"),
        EVAL_CASE("case"),
        SPAN("span");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public static ItemSource reviewItem(long id) {
        return new ItemSource(Kind.REVIEW_ITEM, id);
    }

    public static ItemSource evalCase(long id) {
        return new ItemSource(Kind.EVAL_CASE, id);
    }

    public static ItemSource span(long id) {
        return new ItemSource(Kind.SPAN, id);
    }

    /** {@code item 12}, {@code case 3}, {@code span 40}. */
    public String describe() {
        return kind.word() + " " + id;
    }
}
