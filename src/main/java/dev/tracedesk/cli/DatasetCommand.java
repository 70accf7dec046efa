package dev.tracedesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.datasets.DatasetDiff;
import dev.tracedesk.datasets.DatasetException;
import dev.tracedesk.datasets.DatasetItem;
import dev.tracedesk.datasets.DatasetSummary;
import dev.tracedesk.datasets.DatasetVersion;
import dev.tracedesk.datasets.Datasets;
import dev.tracedesk.datasets.ItemSchema;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tracedesk dataset …}: make a dataset, add items to its draft, publish, diff and show versions. */
@Command(name = "dataset", description = "Make, fill, publish, diff and show a dataset.",
        subcommands = {DatasetCommand.Create.class, DatasetAddCommand.class, DatasetCommand.Publish.class,
            DatasetCommand.Diff.class, DatasetCommand.Show.class, DatasetTagCommand.class, DatasetSchemaCommand.class})
public final class DatasetCommand {

    /** Runs {@code body} on the workspace's store; a refused request becomes a usage error (exit 2). */
    static <T> T withStore(WorkspaceOption workspace, CommandSpec spec, java.util.function.Function<Datasets, T> body) {
        try (Workspace open = workspace.open()) {
            return body.apply(new Datasets(open.dsl(), Clock.systemUTC()));
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), refused.getMessage());
        }
    }

    @Command(name = "create", description = "Make a dataset (with an empty draft).")
    static final class Create implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME")
        private String name;
        @Option(names = "--description", paramLabel = "D", description = "What the dataset is for.")
        private String description;
        @Option(names = "--schema", paramLabel = "FILE", description = "A JSON Schema file; each item's "
                + "{\"input\": …, \"expectedOutput\": …} must match it to be added.")
        private Path schema;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            String schemaJson = schema == null ? null : readSchema(schema, spec);
            DatasetSummary made = withStore(workspace, spec, store -> store.create(name, description, schemaJson));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Made dataset %s. Add items: tracedesk dataset add %s --item ID%n", made.name(), made.name());
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** A schema file's text, refused with the file's name and the reason when it cannot be used. */
    static String readSchema(Path file, CommandSpec spec) {
        String text;
        try {
            text = Files.readString(file);
        } catch (java.nio.file.NoSuchFileException missing) {
            throw new ParameterException(spec.commandLine(), "There is no schema file " + file + ".");
        } catch (IOException | UncheckedIOException unreadable) {
            throw new ParameterException(spec.commandLine(), "Cannot read the schema file " + file + ": "
                    + unreadable.getMessage());
        }
        try {
            ItemSchema.compile(text);
        } catch (DatasetException unusable) {
            throw new ParameterException(spec.commandLine(), file + ": " + unusable.getMessage());
        }
        return text;
    }

    @Command(name = "publish", description = "Publish the draft as an immutable version; a new draft starts from it.")
    static final class Publish implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME")
        private String name;
        @Option(names = "--tag", paramLabel = "T", description = "Tag the version (moves the tag from another); repeat for several.")
        private List<String> tags = new ArrayList<>();
        @Option(names = "--by", paramLabel = "NAME", description = "Who publishes (default: TRACEDESK_REVIEWER, else the OS user).")
        private String by;
        @Option(names = "--json", description = "Print JSON only.")
        private boolean json;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            String publisher = by != null ? by : dev.tracedesk.review.Reviewers.fromEnvironment(System.getenv());
            DatasetVersion version = withStore(workspace, spec,
                    store -> store.publish(name, publisher, tags.toArray(String[]::new)));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.write(out, DatasetJson.version(version));
                return ExitCodes.OK;
            }
            out.printf("Published %s: %d item%s, sha256 %s%s.%n", version.label(), version.items(),
                    version.items() == 1 ? "" : "s", version.contentHash(),
                    version.tags().isEmpty() ? "" : ", tagged " + String.join(", ", version.tags()));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "diff", description = "Items added, removed and changed between two versions (NAME@V, NAME@TAG, NAME@draft).")
    static final class Diff implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME@V1")
        private String from;
        @Parameters(index = "1", paramLabel = "NAME@V2")
        private String to;
        @Option(names = "--json", description = "Print JSON only.")
        private boolean json;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            DatasetDiff diff = withStore(workspace, spec, store -> store.diff(from, to));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.write(out, DatasetJson.diff(diff));
                return ExitCodes.OK;
            }
            out.printf("%s → %s: %d added, %d removed, %d changed%n", diff.from().label(), diff.to().label(),
                    diff.added().size(), diff.removed().size(), diff.changed().size());
            diff.added().forEach(key -> out.println("+ " + key));
            diff.removed().forEach(key -> out.println("- " + key));
            diff.changed().forEach(key -> out.println("~ " + key));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "A version's items with their provenance (NAME = newest published, else the draft).")
    static final class Show implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME[@VERSION]")
        private String reference;
        @Option(names = "--json", description = "Print JSON only.")
        private boolean json;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            record Shown(DatasetVersion version, List<DatasetItem> items) {
            }
            Shown shown = withStore(workspace, spec, store -> {
                DatasetVersion version = store.resolve(reference);
                return new Shown(version, store.items(version));
            });
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("version", DatasetJson.version(shown.version()));
                document.put("items", DatasetJson.items(shown.items()));
                JsonOutput.write(out, document);
                return ExitCodes.OK;
            }
            DatasetVersion version = shown.version();
            out.printf("%s  %s  %d item%s%s%s%n", version.label(), version.state(), version.items(),
                    version.items() == 1 ? "" : "s",
                    version.contentHash() == null ? "" : "  sha256 " + version.contentHash(),
                    version.tags().isEmpty() ? "" : "  tags " + String.join(", ", version.tags()));
            if (!shown.items().isEmpty()) {
                out.printf("%-29s %-6s %-18s %-24s %-10s %s%n", "ITEM KEY", "SPLIT", "SOURCE", "MODEL", "REVIEWER",
                        "EXPECTED");
            }
            for (DatasetItem item : shown.items()) {
                String source = item.sourceEvalCaseId() != null ? "case " + item.sourceEvalCaseId()
                        : item.sourceSpanId() != null ? "span " + item.sourceSpanId() : "";
                out.printf("%-29s %-6s %-18s %-24s %-10s %s%n", item.itemKey(), item.split(), source,
                        DisplayValues.oneLine(item.servedModel(), 24), item.reviewer() == null ? "" : item.reviewer(),
                        DisplayValues.oneLine(item.expectedOutput(), 60));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
