package dev.tracedesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.datasets.DatasetExports;
import dev.tracedesk.datasets.RedactionSets;
import dev.tracedesk.datasets.export.AssertionStyle;
import dev.tracedesk.datasets.export.ExportFormat;
import dev.tracedesk.datasets.export.ExportResult;
import dev.tracedesk.datasets.export.Redactor;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "export", description = "Export a dataset version in a format an eval harness or fine-tuning job reads, with a manifest beside it.")
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Parameters(index = "0", paramLabel = "DATASET[@VERSION]", description = "NAME (the newest published version), NAME@3, NAME@TAG or NAME@draft.")
    private String dataset;

    @Option(names = "--format", required = true, paramLabel = "F",
            description = "openai-chat, openai-evals, promptfoo, promptfoo-csv, inspect, hf-jsonl, dpo or csv.")
    private String format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The file to write; the manifest goes to PATH.manifest.json.")
    private Path out;

    @Option(names = "--redact", paramLabel = "RULES", defaultValue = "none",
            description = "none (default); default: mask e-mail, phone numbers, keys and tokens, card numbers and IBANs; "
                    + "or the name of a saved set (tracedesk redaction list).")
    private String redact;

    @Option(names = "--assert", paramLabel = "STYLE", defaultValue = "equals",
            description = "promptfoo assertions from the expected output: equals (default), contains or rubric.")
    private String assertion;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ExportFormat chosen = parse(() -> ExportFormat.byId(format), "--format is one of "
                + String.join(", ", Arrays.stream(ExportFormat.values()).map(ExportFormat::id).toList()) + ", not \"" + format + "\".");
        AssertionStyle style = parse(() -> AssertionStyle.valueOf(assertion.trim().toUpperCase(Locale.ROOT)),
                "--assert is equals, contains or rubric, not \"" + assertion + "\".");
        ExportResult result;
        RedactionSets.Choice rules;
        try (Workspace open = workspace.open()) {
            rules = new RedactionSets(open.dsl(), Clock.systemUTC()).choose(redact);
            result = new DatasetExports(open.dsl(), Clock.systemUTC())
                    .export(dataset, chosen, style, rules, toolVersion(), out);
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), refused.getMessage());
        } catch (Redactor.RedactionException unsafe) {
            // a saved custom rule that runs away: nothing was written, and the message names the rule
            throw new ParameterException(spec.commandLine(), "Nothing was exported: " + unsafe.getMessage() + ".");
        } catch (IOException unwritable) {
            throw new ParameterException(spec.commandLine(), "Cannot write " + out.toAbsolutePath() + ": " + unwritable.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("file", result.file().toString());
            report.put("manifest", result.manifest().toString());
            report.put("format", chosen.id());
            report.put("written", result.written());
            report.put("skipped", result.skippedByReason());
            report.put("redactionSet", rules.name());
            report.put("redactions", result.redactions());
            report.put("sha256", result.sha256());
            JsonOutput.write(out, report);
        } else {
            out.printf("Wrote %d item%s to %s (%s); manifest %s.%n", result.written(), result.written() == 1 ? "" : "s",
                    result.file(), chosen.id(), result.manifest());
            result.skippedByReason().forEach((reason, count) -> out.printf("  skipped %d: %s%n", count, reason));
            result.redactions().forEach((rule, count) -> {
                if (count > 0) {
                    out.printf("  masked %d × %s%n", count, rule);
                }
            });
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** What the root command's --version prints, for the manifest. */
    private String toolVersion() {
        String[] version = spec.root().version();
        return version.length == 0 ? "tracedesk" : String.join(" ", version);
    }

    private <T> T parse(java.util.function.Supplier<T> parser, String message) {
        try {
            return parser.get();
        } catch (IllegalArgumentException unknown) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
