package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

import dev.tracedesk.datasets.DatasetTags;
import dev.tracedesk.datasets.DatasetVersion;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tracedesk dataset tag NAME@V TAG} (moves the tag to that version) and {@code dataset tag NAME --delete TAG}. */
@Command(name = "tag", description = "Point a tag at a published version (moving it from another): NAME@V TAG; "
        + "or take a tag off: NAME --delete TAG.")
final class DatasetTagCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;
    @Parameters(index = "0", paramLabel = "NAME@VERSION", description = "NAME@3, NAME@TAG, or NAME (the newest published version).")
    private String reference;
    @Parameters(index = "1", arity = "0..1", paramLabel = "TAG")
    private String tag;
    @Option(names = "--delete", paramLabel = "TAG", description = "Take this tag off the dataset instead.")
    private String delete;
    @Option(names = "--json", description = "Print JSON only (the version the tag is, or was, on).")
    private boolean json;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if ((tag == null) == (delete == null)) {
            throw new ParameterException(spec.commandLine(), "Give either a TAG to set (dataset tag NAME@V TAG) or "
                    + "--delete TAG, not " + (tag == null ? "neither." : "both."));
        }
        if (delete != null && reference.contains("@")) {
            throw new ParameterException(spec.commandLine(), "--delete takes the dataset's NAME only (a tag is on one "
                    + "version at a time), not " + reference + ".");
        }
        DatasetVersion version;
        try (Workspace open = workspace.open()) {
            version = delete != null ? new DatasetTags(open.dsl(), Clock.systemUTC()).delete(reference, delete)
                    : new dev.tracedesk.datasets.Datasets(open.dsl(), Clock.systemUTC()).tag(reference, tag);
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), refused.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, DatasetJson.version(version));
            return ExitCodes.OK;
        }
        if (delete != null) {
            out.printf("Took tag %s off %s.%n", delete, version.label());
        } else {
            out.printf("Tagged %s %s%s.%n", version.label(), tag,
                    version.tags().size() > 1 ? " (tags now: " + String.join(", ", version.tags()) + ")" : "");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
