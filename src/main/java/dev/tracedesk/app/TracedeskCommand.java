package dev.tracedesk.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.tracedesk.cli.DatasetCommand;
import dev.tracedesk.cli.DatasetsCommand;
import dev.tracedesk.cli.ExitCodes;
import dev.tracedesk.cli.RedactionCommand;
import dev.tracedesk.cli.ExportCommand;
import dev.tracedesk.cli.ImportCommand;
import dev.tracedesk.cli.ImportsCommand;
import dev.tracedesk.cli.InsightsCommand;
import dev.tracedesk.cli.LabelCommand;
import dev.tracedesk.cli.MappingCommand;
import dev.tracedesk.cli.PricesCommand;
import dev.tracedesk.cli.RejectedCommand;
import dev.tracedesk.cli.ReviewCommand;
import dev.tracedesk.cli.RulesCommand;
import dev.tracedesk.cli.RunCommand;
import dev.tracedesk.cli.RunsCommand;
import dev.tracedesk.cli.SearchCommand;
import dev.tracedesk.cli.StatsCommand;
import dev.tracedesk.cli.TraceCommand;
import dev.tracedesk.cli.TracesCommand;
import dev.tracedesk.cli.VerifyLogCommand;
import dev.tracedesk.cli.WorkspaceOption;
import dev.tracedesk.store.WorkspaceException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;

/**
 * {@code tracedesk}: with a subcommand it runs headless and exits; without one it opens the
 * window on the chosen workspace. One jar, two faces over the same services.
 */
// scope INHERIT: every subcommand answers --help and --version too, not only those that ask for it.
@Command(name = "tracedesk",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = TracedeskCommand.Version.class,
        description = "Review LLM audit trails and eval runs. Without a command: open the window.",
        subcommands = {
            StatsCommand.class,
            ImportCommand.class,
            ImportsCommand.class,
            RejectedCommand.class,
            MappingCommand.class,
            TracesCommand.class,
            SearchCommand.class,
            TraceCommand.class,
            RunsCommand.class,
            RunCommand.class,
            ReviewCommand.class,
            LabelCommand.class,
            VerifyLogCommand.class,
            ExportCommand.class,
            RulesCommand.class,
            DatasetsCommand.class,
            DatasetCommand.class,
            RedactionCommand.class,
            InsightsCommand.class,
            PricesCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "2:usage error, or unreadable input or workspace",
            "3:finished, but some records were rejected",
            "4:regressions found (runs compare)",
            "5:the review log's hash chain is broken (verify-log)"})
public final class TracedeskCommand implements Callable<Integer> {

    /** Returned when the window opened: the JavaFX thread owns the process from then on. */
    static final int GUI_STARTED = -1;

    @Mixin
    private WorkspaceOption workspace;

    @Override
    public Integer call() {
        TracedeskApp.launchWindow(workspace.location());
        return GUI_STARTED;
    }

    /** Runs the command line, printing usage and workspace errors to stderr, and returns the exit code. */
    public static int execute(String... args) {
        return newCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new TracedeskCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(TracedeskCommand::reportFailure);
        // "@FILE" belongs to options such as label --correction, not to picocli's argument files.
        commandLine.setExpandAtFiles(false);
        return commandLine;
    }

    /** A workspace or input problem is the user's to fix: say what, in one line, and exit 2. */
    private static int reportFailure(Exception failure, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (failure instanceof CommandLine.ParameterException usage) {
            err.println("tracedesk: " + usage.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_UNREADABLE;
        }
        if (failure instanceof WorkspaceException || failure instanceof IllegalArgumentException) {
            err.println("tracedesk: " + failure.getMessage());
            err.flush();
            return ExitCodes.USAGE_OR_UNREADABLE;
        }
        err.println("tracedesk: unexpected error: " + failure);
        failure.printStackTrace(err);
        err.flush();
        return 1;
    }

    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tracedesk " + AppVersion.get()};
        }
    }
}
