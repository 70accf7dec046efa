package dev.tracedesk.datasets;

/** What became of one source given to {@link Datasets#add}: its item key, or why it was refused. */
public record AddResult(ItemSource source, Outcome outcome, String itemKey, String reason) {

    public enum Outcome {
        ADDED,
        REPLACED,
        REFUSED
    }

    public static AddResult refused(ItemSource source, String reason) {
        return new AddResult(source, Outcome.REFUSED, null, reason);
    }
}
