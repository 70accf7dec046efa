package dev.tracedesk.review.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tracedesk.core.task.ImmediateTaskRunner;
import dev.tracedesk.review.rules.RulesDialogViewModel.RuleRow;
import dev.tracedesk.store.EngineWorkspace;

/** The rules dialog's view model, without a toolkit, on a real workspace. */
class RulesDialogViewModelTest {

    @TempDir
    Path tempDir;

    private EngineWorkspace workspace;
    private RulesDialogViewModel viewModel;

    @BeforeEach
    void open() {
        workspace = EngineWorkspace.open("h2", tempDir);
        viewModel = new RulesDialogViewModel(new ImmediateTaskRunner(), () -> Optional.of(workspace.workspace()));
        viewModel.load();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private RuleRow row(String name) {
        return viewModel.rules().stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void listsTheSeededRulesWithTheirTypeAndSummary() {
        assertThat(viewModel.rules()).extracting(RuleRow::name).containsExactly("Costly call", "Eval case failed or errored",
                "Guardrail tripped", "Low confidence", "Negative user feedback", "Slow call", "Spot check");
        assertThat(row("Slow call").typeLabel()).isEqualTo("Latency above a budget");
        assertThat(row("Slow call").summary()).isEqualTo("latency over 30 s");
        assertThat(row("Slow call").enabledProperty().get()).isFalse();
    }

    @Test
    void aNewRuleIsValidatedAsItIsTypedAndSavedWithItsTypesFields() {
        viewModel.newRule();
        assertThat(viewModel.validationProperty().get()).isEqualTo("Give the rule a name.");
        viewModel.draftNameProperty().set("Triage JSON");
        viewModel.draftTypeProperty().set(RuleType.JSON_SCHEMA);
        assertThat(viewModel.validationProperty().get()).isEqualTo("Prompt template is missing.");
        viewModel.draftFieldProperty(RuleField.PROMPT_TEMPLATE).set("triage-json");
        viewModel.draftFieldProperty(RuleField.SCHEMA).set("{\"type\": \"objekt\"}");
        assertThat(viewModel.validationProperty().get()).startsWith("The JSON Schema is not a valid schema");
        viewModel.draftFieldProperty(RuleField.SCHEMA).set("{\"type\": \"object\", \"required\": [\"category\"]}");
        assertThat(viewModel.validationProperty().get()).isEmpty();

        viewModel.saveDraft();

        assertThat(viewModel.editingProperty().get()).isFalse();
        assertThat(row("Triage JSON").summary()).isEqualTo("output of 'triage-json' not valid against its JSON Schema");
        assertThat(new FlagRules(workspace.dsl()).findByName("Triage JSON").orElseThrow().configJson())
                .isEqualTo("{\"promptTemplate\":\"triage-json\",\"schema\":{\"type\":\"object\",\"required\":[\"category\"]}}");
    }

    @Test
    void aDailyBudgetIsMadeWithItsGroupingAndAGroupNeedsAGrouping() {
        viewModel.newRule();
        viewModel.draftNameProperty().set("gpt-4o p95");
        viewModel.draftTypeProperty().set(RuleType.P95_LATENCY_ABOVE);
        assertThat(viewModel.draftFieldProperty(RuleField.GROUP_BY).get()).isEqualTo("model");
        viewModel.draftFieldProperty(RuleField.GROUP_BY).set("");
        viewModel.draftFieldProperty(RuleField.GROUP_KEY).set("gpt-4o");
        assertThat(viewModel.validationProperty().get()).isEqualTo("Group needs Group by (model, provider, prompt or route).");
        viewModel.draftFieldProperty(RuleField.GROUP_BY).set("Model");
        viewModel.draftFieldProperty(RuleField.BUDGET_MS).set("2000");
        assertThat(viewModel.validationProperty().get()).isEmpty();

        viewModel.saveDraft();

        assertThat(row("gpt-4o p95").summary()).isEqualTo("daily p95 latency over 2 s, model gpt-4o only");
        assertThat(new FlagRules(workspace.dsl()).findByName("gpt-4o p95").orElseThrow().configJson())
                .isEqualTo("{\"budgetMs\":2000,\"groupBy\":\"model\",\"groupKey\":\"gpt-4o\"}");
    }

    @Test
    void editingChangesTheRuleAndADuplicateNameIsRefusedInWords() {
        viewModel.edit(row("Slow call"));
        assertThat(viewModel.draftFieldProperty(RuleField.BUDGET_MS).get()).isEqualTo("30000");
        viewModel.draftFieldProperty(RuleField.BUDGET_MS).set("abc");
        assertThat(viewModel.validationProperty().get()).isEqualTo("Budget (ms) must be a number, not \"abc\".");
        viewModel.draftFieldProperty(RuleField.BUDGET_MS).set("12000");
        viewModel.saveDraft();
        assertThat(row("Slow call").summary()).isEqualTo("latency over 12 s");

        viewModel.edit(row("Slow call"));
        viewModel.draftNameProperty().set("Spot check");
        viewModel.saveDraft();
        assertThat(viewModel.errorProperty().get()).isEqualTo("A rule named \u201cSpot check\u201d already exists.");
        assertThat(viewModel.editingProperty().get()).isTrue();
    }

    @Test
    void togglingSavesAtOnceDeletingRemovesAndReapplyingReportsWhatItDid() {
        row("Slow call").enabledProperty().set(true);
        assertThat(new FlagRules(workspace.dsl()).findByName("Slow call").orElseThrow().enabled()).isTrue();

        viewModel.delete(row("Spot check"));
        assertThat(viewModel.rules()).extracting(RuleRow::name).doesNotContain("Spot check");

        new RuleRows(workspace.dsl()).evalCase(new RuleRows(workspace.dsl()).run(), "FAIL", 40_000L, null);
        viewModel.reapply();
        assertThat(viewModel.applyingProperty().get()).isFalse();
        assertThat(viewModel.applyResultProperty().get()).startsWith("1 new review item, 0 updated. ")
                .contains("Eval case failed or errored: 1 matched", "Slow call: 1 matched");
    }
}
