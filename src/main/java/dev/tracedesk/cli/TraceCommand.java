package dev.tracedesk.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tracedesk trace show TRACE_ID}: the group for commands about one trace. */
@Command(name = "trace", description = "Look at one trace.", subcommands = TraceShowCommand.class)
public final class TraceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand. Usage: tracedesk trace show TRACE_ID [--json]");
    }
}
