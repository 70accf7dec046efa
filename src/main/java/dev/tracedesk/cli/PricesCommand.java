package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.tracedesk.ingest.write.CostReEstimate;
import dev.tracedesk.ingest.write.PriceTable.Price;
import dev.tracedesk.ingest.write.PriceTableEdits;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tracedesk prices}: the price table that estimates the cost of calls whose source reported
 * none. Every change re-estimates those costs at once; reported costs never change.
 */
@Command(name = "prices", subcommands = {PricesCommand.ListPrices.class, PricesCommand.SetPrice.class, PricesCommand.DeletePrice.class},
        description = {"The price table, in USD per million tokens. A pattern matches a model name by prefix, the longest"
                + " pattern wins (gpt-4o-mini before gpt-4o); a row with a provider applies only to that provider's calls.",
            "Without a subcommand: list. After set or delete, every estimated cost is recomputed from the new table;"
                    + " costs the source reported are never changed."})
public final class PricesCommand implements Callable<Integer> {

    @Mixin
    private WorkspaceOption workspace;

    @Option(names = "--json", description = "Print JSON only.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return list(workspace, json, spec);
    }

    static int list(WorkspaceOption workspace, boolean json, CommandSpec spec) {
        List<Price> prices;
        try (Workspace open = workspace.open()) {
            prices = new PriceTableEdits(open.dsl()).list();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.write(out, Map.of("prices", prices.stream().map(PricesCommand::asJson).toList()));
        } else {
            out.printf("%-32s %-16s %14s %14s%n", "MODEL PATTERN", "PROVIDER", "INPUT $/MTOK", "OUTPUT $/MTOK");
            for (Price price : prices) {
                out.printf("%-32s %-16s %14s %14s%n", DisplayValues.oneLine(price.modelPattern(), 32),
                        price.provider().isEmpty() ? "(any)" : DisplayValues.oneLine(price.provider(), 16),
                        DisplayValues.plain(price.inputPerMillion()).toPlainString(),
                        DisplayValues.plain(price.outputPerMillion()).toPlainString());
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    static Map<String, Object> asJson(Price price) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("modelPattern", price.modelPattern());
        json.put("provider", price.provider());
        json.put("inputUsdPerMtok", DisplayValues.plain(price.inputPerMillion()));
        json.put("outputUsdPerMtok", DisplayValues.plain(price.outputPerMillion()));
        return json;
    }

    static void printOutcome(PrintWriter out, boolean json, String action, String pattern, String provider,
                             PriceTableEdits.Outcome outcome) {
        CostReEstimate.Counts counts = outcome.reEstimated();
        if (json) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put(action, outcome.changed());
            document.put("modelPattern", pattern);
            document.put("provider", provider == null ? "" : provider);
            document.put("spansExamined", counts.spansExamined());
            document.put("costsChanged", counts.costsChanged());
            JsonOutput.write(out, document);
        } else {
            out.printf("%s. Re-estimated: %,d of %,d span costs from the price table changed.%n",
                    outcome.changed() ? "Price " + action : "No price " + pattern + " to delete", counts.costsChanged(),
                    counts.spansExamined());
            out.flush();
        }
    }

    @Command(name = "list", description = "List the price table.")
    static final class ListPrices implements Callable<Integer> {

        @Mixin
        private WorkspaceOption workspace;

        @Option(names = "--json", description = "Print JSON only.")
        private boolean json;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            return PricesCommand.list(workspace, json, spec);
        }
    }

    @Command(name = "set", description = "Add or replace a price, then re-estimate every estimated cost.")
    static final class SetPrice implements Callable<Integer> {

        @Mixin
        private WorkspaceOption workspace;

        @Parameters(index = "0", paramLabel = "PATTERN", description = "A model name or its prefix, e.g. gpt-4o-mini.")
        private String pattern;

        @Option(names = "--input", required = true, paramLabel = "USD", description = "USD per million input tokens (0 or more).")
        private BigDecimal input;

        @Option(names = "--output", required = true, paramLabel = "USD", description = "USD per million output tokens (0 or more).")
        private BigDecimal output;

        @Option(names = "--provider", paramLabel = "P", description = "Only for calls of this provider. Default: any provider.")
        private String provider;

        @Option(names = "--json", description = "Print JSON only.")
        private boolean json;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            requireZeroOrMore("--input", input);
            requireZeroOrMore("--output", output);
            PriceTableEdits.Outcome outcome;
            try (Workspace open = workspace.open()) {
                outcome = new PriceTableEdits(open.dsl()).set(provider, pattern, input, output);
            }
            printOutcome(spec.commandLine().getOut(), json, "set", pattern, provider, outcome);
            return ExitCodes.OK;
        }

        private void requireZeroOrMore(String option, BigDecimal value) {
            if (value.signum() < 0) {
                throw new ParameterException(spec.commandLine(), option + " must be zero or more (USD per million tokens), not "
                        + value.toPlainString() + ".");
            }
        }
    }

    @Command(name = "delete", description = "Remove a price, then re-estimate: calls only it priced lose their estimate.")
    static final class DeletePrice implements Callable<Integer> {

        @Mixin
        private WorkspaceOption workspace;

        @Parameters(index = "0", paramLabel = "PATTERN", description = "The model pattern, as listed.")
        private String pattern;

        @Option(names = "--provider", paramLabel = "P", description = "The row's provider, when it has one.")
        private String provider;

        @Option(names = "--json", description = "Print JSON only.")
        private boolean json;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            PriceTableEdits.Outcome outcome;
            try (Workspace open = workspace.open()) {
                outcome = new PriceTableEdits(open.dsl()).delete(provider, pattern);
            }
            printOutcome(spec.commandLine().getOut(), json, "deleted", pattern, provider, outcome);
            return outcome.changed() ? ExitCodes.OK : ExitCodes.USAGE_OR_UNREADABLE;
        }
    }
}
