package dev.tracedesk.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tracedesk run show RUN_ID}: the group for commands about one eval run. */
@Command(name = "run", description = "Look at one eval run.", subcommands = RunShowCommand.class)
public final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand. Usage: tracedesk run show RUN_ID [--json]");
    }
}
