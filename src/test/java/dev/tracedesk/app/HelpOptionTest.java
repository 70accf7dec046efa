package dev.tracedesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Every command, however deep, answers --help with its usage and exit 0, and touches no workspace. */
class HelpOptionTest {

    @Test
    void everySubcommandAnswersHelpWithItsUsage() {
        List<String> failures = new ArrayList<>();
        List<List<String>> paths = new ArrayList<>();
        collect(TracedeskCommand.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(30);
        for (List<String> path : paths) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            int exit = TracedeskCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args.toArray(String[]::new));
            String usage = "Usage: tracedesk " + String.join(" ", path);
            if (exit != 0 || !out.toString().startsWith(usage)) {
                failures.add(String.join(" ", path) + " → exit " + exit + ": " + (out + err.toString()).lines().findFirst().orElse(""));
            }
        }
        assertThat(failures).isEmpty();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().aliases().equals(new String[0]) && !name.equals(sub.getCommandName())) {
                return;
            }
            List<String> deeper = new ArrayList<>(path);
            deeper.add(name);
            paths.add(deeper);
            collect(sub, deeper, paths);
        });
    }
}
