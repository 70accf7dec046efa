package dev.tracedesk.review.log;

/**
 * The outcome of checking the review log: how many entries were checked and, when the chain is
 * broken, the first entry that does not fit (its id, or null when entries are missing from the
 * end) and why.
 */
public record LogVerification(long entriesChecked, Long firstBrokenEntryId, String problem) {

    public boolean intact() {
        return problem == null;
    }
}
