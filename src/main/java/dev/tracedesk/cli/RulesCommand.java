package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.review.rules.ApplyResult;
import dev.tracedesk.review.rules.FlagRule;
import dev.tracedesk.review.rules.FlagRules;
import dev.tracedesk.review.rules.RuleApplier;
import dev.tracedesk.review.rules.RuleConfigException;
import dev.tracedesk.review.rules.RuleConfigJson;
import dev.tracedesk.review.rules.RuleOutcome;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tracedesk rules list|apply}: the flag rules that put LLM calls and eval cases into review. */
@Command(name = "rules", description = "List the flag rules, or apply them to the workspace.",
        subcommands = {RulesCommand.List.class, RulesCommand.Apply.class})
public final class RulesCommand implements Callable<Integer> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand. Usage: tracedesk rules list|apply [--json]");
    }

    @Command(name = "list", description = "List the flag rules: enabled or not, type and settings.")
    static final class List implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Option(names = "--json", description = "Print JSON only.")
        private boolean json;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            java.util.List<FlagRule> rules;
            try (Workspace open = workspace.open()) {
                rules = new FlagRules(open.dsl()).list();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.write(out, Map.of("rules", rules.stream().map(RulesCommand::asJson).toList()));
                return ExitCodes.OK;
            }
            if (rules.isEmpty()) {
                out.println("No flag rules in this workspace.");
            } else {
                out.printf("%5s  %-7s %-18s %-30s %s%n", "ID", "ENABLED", "TYPE", "NAME", "SETTINGS");
            }
            for (FlagRule rule : rules) {
                out.printf("%5d  %-7s %-18s %-30s %s%n", rule.id(), rule.enabled() ? "yes" : "no", rule.ruleType(),
                        DisplayValues.oneLine(rule.name(), 30), rule.summary());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "apply", description = {"Apply the enabled rules to everything in the workspace (or, with --new-only,"
            + " to what was imported since they were last applied). Items already in review keep their state; new"
            + " reasons are added to them.", "Exits 2 when a rule could not be applied (its config is broken)."})
    static final class Apply implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Option(names = "--json", description = "Print JSON only.")
        private boolean json;
        @Option(names = "--new-only", description = "Only what was imported since the rules were last applied.")
        private boolean newOnly;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            ApplyResult result;
            try (Workspace open = workspace.open()) {
                RuleApplier applier = new RuleApplier(open.dsl());
                result = newOnly ? applier.applyNew() : applier.applyAll();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                JsonOutput.write(out, asJson(result));
            } else {
                out.println(result.summary() + ".");
                for (RuleOutcome outcome : result.byRule()) {
                    out.printf("  %-30s %s%n", DisplayValues.oneLine(outcome.rule(), 30),
                            outcome.failed() ? "NOT APPLIED: " + outcome.error() : outcome.matched() + " matched");
                }
                out.flush();
            }
            if (!result.failedRules().isEmpty()) {
                PrintWriter err = spec.commandLine().getErr();
                result.problems().ifPresent(err::println);
                err.flush();
                return ExitCodes.USAGE_OR_UNREADABLE;
            }
            return ExitCodes.OK;
        }
    }

    /** {@code {"id","name","type","enabled","config":{…}}}; a config that cannot be read is shown as stored, with "error". */
    static Map<String, Object> asJson(FlagRule rule) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", rule.id());
        json.put("name", rule.name());
        json.put("type", rule.ruleType());
        json.put("enabled", rule.enabled());
        try {
            json.put("config", RuleConfigJson.tree(rule.config()));
        } catch (RuleConfigException broken) {
            json.put("config", storedConfig(rule.configJson()));
            json.put("error", broken.getMessage());
        }
        return json;
    }

    static Map<String, Object> asJson(ApplyResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("itemsCreated", result.itemsCreated());
        json.put("itemsUpdated", result.itemsUpdated());
        java.util.List<Map<String, Object>> byRule = new ArrayList<>();
        for (RuleOutcome outcome : result.byRule()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("rule", outcome.rule());
            entry.put("matched", outcome.matched());
            if (outcome.failed()) {
                entry.put("error", outcome.error());
            }
            byRule.add(entry);
        }
        json.put("byRule", byRule);
        return json;
    }

    private static Object storedConfig(String configJson) {
        try {
            return MAPPER.readTree(configJson);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return configJson;
        }
    }
}
