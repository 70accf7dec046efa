package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.review.log.LogVerification;
import dev.tracedesk.review.log.LogVerifier;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify-log", description = "Check the review log's hash chain. Exit 0 when intact; 5 naming the first bad entry.")
public final class VerifyLogCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        LogVerification verification;
        try (Workspace open = workspace.open()) {
            verification = new LogVerifier(open.dsl()).verify();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("intact", verification.intact());
            result.put("entriesChecked", verification.entriesChecked());
            result.put("firstBrokenEntry", verification.firstBrokenEntryId());
            result.put("problem", verification.problem());
            JsonOutput.write(out, result);
        } else if (verification.intact()) {
            out.printf("The review log is intact: %d entries, each hash checked.%n", verification.entriesChecked());
        } else {
            spec.commandLine().getErr().printf("The review log is broken: %s (%d entries before it check out).%n",
                    verification.problem(), verification.entriesChecked());
        }
        out.flush();
        spec.commandLine().getErr().flush();
        return verification.intact() ? ExitCodes.OK : ExitCodes.LOG_BROKEN;
    }
}
