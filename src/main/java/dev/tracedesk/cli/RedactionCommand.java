package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

import dev.tracedesk.datasets.RedactionSets;
import dev.tracedesk.datasets.export.RedactionSet;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tracedesk redaction …}: named redaction sets saved in the workspace, used by {@code export --redact NAME}. */
@Command(name = "redaction", description = "List, show, save and delete named redaction sets for export --redact NAME.",
        subcommands = {RedactionCommand.ListSets.class, RedactionCommand.Show.class, RedactionCommand.Save.class,
            RedactionCommand.Delete.class})
public final class RedactionCommand {

    private static <T> T withSets(WorkspaceOption workspace, CommandSpec spec, Function<RedactionSets, T> body) {
        try (Workspace open = workspace.open()) {
            return body.apply(new RedactionSets(open.dsl(), Clock.systemUTC()));
        } catch (IllegalArgumentException refused) {
            throw new ParameterException(spec.commandLine(), refused.getMessage());
        }
    }

    static Map<String, Object> asJson(RedactionSet set) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", set.name());
        json.put("builtIn", set.builtIn());
        json.put("custom", set.custom().stream().map(rule -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", rule.name());
            r.put("pattern", rule.pattern());
            r.put("replacement", rule.replacement());
            return r;
        }).toList());
        return json;
    }

    @Command(name = "list", description = "The saved redaction sets.")
    static final class ListSets implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Option(names = "--json", description = "Print JSON only.")
        private boolean json;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            List<RedactionSet> sets = withSets(workspace, spec, RedactionSets::all);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("sets", sets.stream().map(RedactionCommand::asJson).toList());
                document.put("builtInRules", RedactionSet.builtInNames());
                JsonOutput.write(out, document);
                return ExitCodes.OK;
            }
            if (sets.isEmpty()) {
                out.println("No redaction sets are saved. Save one: tracedesk redaction save NAME --builtin email,phone "
                        + "--rule ticket='TCK-[0-9]+'");
            }
            for (RedactionSet set : sets) {
                out.printf("%-24s built-in: %-40s custom: %s%n", set.name(),
                        set.builtIn().isEmpty() ? "-" : String.join(",", set.builtIn()),
                        set.custom().isEmpty() ? "-" : String.join(",", set.custom().stream().map(RedactionSet.CustomRule::name).toList()));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "One saved set's rules, in the order they run.")
    static final class Show implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME")
        private String name;
        @Option(names = "--json", description = "Print JSON only.")
        private boolean json;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            RedactionSet set = withSets(workspace, spec, sets -> sets.load(name));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.write(out, asJson(set));
                return ExitCodes.OK;
            }
            out.println(set.name());
            RedactionSet.builtInNames().stream().filter(set.builtIn()::contains)
                    .forEach(rule -> out.printf("  built-in %s%n", rule));
            set.custom().forEach(rule -> out.printf("  custom   %s  /%s/  → %s%n", rule.name(), rule.pattern(),
                    rule.replacement() == null ? "[REDACTED:" + rule.name() + "]" : rule.replacement()));
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "save", description = "Save a set (replacing one of the same name): built-in rules by name and custom regex rules.")
    static final class Save implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME")
        private String name;
        @Option(names = "--builtin", split = ",", paramLabel = "RULE",
                description = "Built-in rules by name, comma-separated, or all: bearer-token, api-key, email, iban, card-number, phone.")
        private List<String> builtIn = new ArrayList<>();
        @Option(names = "--rule", paramLabel = "NAME=REGEX", description = "A custom rule (Java regex); repeat for several. Matches become [REDACTED:NAME].")
        private List<String> rules = new ArrayList<>();
        @Option(names = "--replace", paramLabel = "NAME=TEXT", description = "Literal text for a custom rule's matches instead of [REDACTED:NAME].")
        private Map<String, String> replacements = new LinkedHashMap<>();
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            List<String> chosen = builtIn.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (chosen.contains("all")) {
                chosen = RedactionSet.builtInNames();
            }
            List<RedactionSet.CustomRule> custom = new ArrayList<>();
            for (String rule : rules) {
                int equals = rule.indexOf('=');
                if (equals <= 0) {
                    throw new ParameterException(spec.commandLine(), "--rule is NAME=REGEX, not \"" + rule + "\".");
                }
                String ruleName = rule.substring(0, equals).trim();
                custom.add(new RedactionSet.CustomRule(ruleName, rule.substring(equals + 1), replacements.get(ruleName)));
            }
            for (String replaced : replacements.keySet()) {
                if (custom.stream().noneMatch(rule -> rule.name().equals(replaced))) {
                    throw new ParameterException(spec.commandLine(), "--replace names \"" + replaced
                            + "\", which is not a --rule of this set (built-in rules keep their [REDACTED:…] mask).");
                }
            }
            List<String> builtInNames = chosen;
            RedactionSet set = withSets(workspace, spec, sets -> {
                RedactionSet made = new RedactionSet(name, builtInNames, custom);
                sets.save(made);
                return made;
            });
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Saved redaction set %s: %d built-in, %d custom rule%s. Use it: tracedesk export DATASET --redact %s …%n",
                    set.name(), set.builtIn().size(), set.custom().size(), set.custom().size() == 1 ? "" : "s", set.name());
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = "Delete a saved set.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Parameters(index = "0", paramLabel = "NAME")
        private String name;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            withSets(workspace, spec, sets -> {
                sets.delete(name);
                return null;
            });
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Deleted redaction set %s.%n", name);
            out.flush();
            return ExitCodes.OK;
        }
    }
}
