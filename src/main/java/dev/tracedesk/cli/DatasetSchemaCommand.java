package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import dev.tracedesk.datasets.DatasetSchemas;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tracedesk dataset schema NAME --set FILE | --clear}. Draft items that do not match a new
 * schema are listed and the command exits 3; they stay in the draft for a reviewer to fix or remove.
 */
@Command(name = "schema", description = "Set (--set FILE) or remove (--clear) the JSON Schema items are checked "
        + "against on add; exits 3 when draft items do not match the new schema (they are listed, not removed).")
final class DatasetSchemaCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;
    @Parameters(index = "0", paramLabel = "NAME")
    private String name;
    @ArgGroup(exclusive = true, multiplicity = "1")
    private Change change;
    @Spec
    private CommandSpec spec;

    static final class Change {
        @Option(names = "--set", paramLabel = "FILE", description = "A JSON Schema file for {\"input\": …, \"expectedOutput\": …}.")
        Path file;
        @Option(names = "--clear", description = "Check items no more.")
        boolean clear;
    }

    @Override
    public Integer call() {
        String schemaJson = change.file == null ? null : DatasetCommand.readSchema(change.file, spec);
        List<DatasetSchemas.Mismatch> mismatches;
        try (Workspace open = workspace.open()) {
            DatasetSchemas schemas = new DatasetSchemas(open.dsl(), Clock.systemUTC());
            if (change.clear) {
                schemas.clear(name);
                mismatches = List.of();
            } else {
                mismatches = schemas.set(name, schemaJson);
            }
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), refused.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(change.clear ? "Removed the item schema of " + name + "; items are not checked on add."
                : "Set the item schema of " + name + " from " + change.file + ".");
        if (!mismatches.isEmpty()) {
            out.printf("%d draft item%s do%s not match it (kept in the draft):%n", mismatches.size(),
                    mismatches.size() == 1 ? "" : "s", mismatches.size() == 1 ? "es" : "");
            mismatches.forEach(m -> out.printf("  %s  %s%n", m.itemKey(), m.problem()));
        }
        out.flush();
        return mismatches.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }
}
