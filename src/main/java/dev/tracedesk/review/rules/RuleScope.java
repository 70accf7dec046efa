package dev.tracedesk.review.rules;

/**
 * The rows one application of the rules looks at: spans, eval cases and checks with ids in
 * (after, upTo]. Checks have a range of their own because a check can arrive after its span
 * (a Langfuse scores file imported after the traces).
 */
record RuleScope(IdRange spans, IdRange cases, IdRange checks) {

    record IdRange(long after, long upTo) {

        boolean isEmpty() {
            return upTo <= after;
        }
    }
}
