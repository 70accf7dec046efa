package dev.tracedesk.evals.compare;

/**
 * A run as the comparison names it. {@code configJson} and {@code promptsJson} are the tool's
 * own config and prompt list as stored: blame reads the provider parameters and the template
 * text from them when no trace is linked.
 */
public record ComparedRun(long id, String runId, String tool, String name, String configJson, String promptsJson) {

    /** The name, else the tool's run id: what a person recognises the run by. */
    public String label() {
        return name == null || name.isBlank() ? runId : name;
    }
}
