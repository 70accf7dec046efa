package dev.tracedesk.traces;

/**
 * One value of a facet and how many spans under the current filter have it. {@code version} is the
 * prompt template's version for {@link Facet#PROMPT}, null otherwise.
 */
public record FacetCount(Facet facet, String value, String version, long count) {

    /** "refund-answer v3", or the value itself. */
    public String label() {
        // OpenInference templates carry a version and no name
        return value == null ? "(unnamed) " + version : version == null ? value : value + " v" + version;
    }
}
