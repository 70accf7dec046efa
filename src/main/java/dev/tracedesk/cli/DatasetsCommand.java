package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.datasets.DatasetSummary;
import dev.tracedesk.datasets.Datasets;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tracedesk datasets}: every dataset with its versions. */
@Command(name = "datasets", description = "List datasets with their published versions and draft size.")
public final class DatasetsCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<DatasetSummary> datasets;
        try (Workspace open = workspace.open()) {
            datasets = new Datasets(open.dsl(), Clock.systemUTC()).list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, Map.of("datasets", datasets.stream().map(DatasetJson::dataset).toList()));
            return ExitCodes.OK;
        }
        if (datasets.isEmpty()) {
            out.println("No datasets yet. Make one: tracedesk dataset create NAME");
        } else {
            out.printf("%-30s %9s %7s %11s  %s%n", "NAME", "PUBLISHED", "LATEST", "DRAFT ITEMS", "DESCRIPTION");
        }
        for (DatasetSummary dataset : datasets) {
            out.printf("%-30s %9d %7s %11d  %s%n", dataset.name(), dataset.publishedVersions(),
                    dataset.latestVersion() == null ? "-" : "v" + dataset.latestVersion(), dataset.draftItems(),
                    DisplayValues.oneLine(dataset.description(), 60));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
