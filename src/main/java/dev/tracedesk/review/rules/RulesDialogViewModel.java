package dev.tracedesk.review.rules;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import dev.tracedesk.core.task.BackgroundTask;
import dev.tracedesk.core.task.TaskRunner;
import dev.tracedesk.store.Workspace;

/**
 * The rules dialog: the workspace's flag rules (enabled, name, type, a one-line summary), an
 * editor for one rule with the fields of its type and a live validation message, delete, and
 * "Re-apply to existing data". Every read and write runs on the task runner.
 */
public final class RulesDialogViewModel {

    /** One rule in the list; toggling {@link #enabled} saves at once. */
    public static final class RuleRow {
        private final FlagRule rule;
        private final BooleanProperty enabled;
        private final String typeLabel;

        RuleRow(FlagRule rule) {
            this.rule = rule;
            this.enabled = new SimpleBooleanProperty(this, "enabled", rule.enabled());
            this.typeLabel = RuleType.parse(rule.ruleType()).map(RuleType::label).orElse(rule.ruleType());
        }

        public FlagRule rule() {
            return rule;
        }

        public String name() {
            return rule.name();
        }

        public String typeLabel() {
            return typeLabel;
        }

        public String summary() {
            return rule.summary();
        }

        public BooleanProperty enabledProperty() {
            return enabled;
        }
    }

    private final TaskRunner tasks;
    private final Supplier<Optional<Workspace>> workspace;
    private final ObservableList<RuleRow> rules = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(this, "editing");
    private final StringProperty draftName = new SimpleStringProperty(this, "draftName", "");
    private final ObjectProperty<RuleType> draftType = new SimpleObjectProperty<>(this, "draftType", RuleType.LATENCY_ABOVE);
    private final BooleanProperty draftEnabled = new SimpleBooleanProperty(this, "draftEnabled", true);
    private final Map<RuleField, StringProperty> draftFields = new EnumMap<>(RuleField.class);
    private final ReadOnlyStringWrapper validation = new ReadOnlyStringWrapper(this, "validation", "");
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper(this, "applying");
    private final ReadOnlyStringWrapper applyResult = new ReadOnlyStringWrapper(this, "applyResult", "");
    private Long editingId;
    private boolean filling;

    public RulesDialogViewModel(TaskRunner tasks, Supplier<Optional<Workspace>> workspace) {
        this.tasks = tasks;
        this.workspace = workspace;
        for (RuleField field : RuleField.values()) {
            StringProperty value = new SimpleStringProperty(this, field.name(), "");
            value.addListener((observable, before, after) -> validate());
            draftFields.put(field, value);
        }
        draftName.addListener((observable, before, after) -> validate());
        draftType.addListener((observable, before, type) -> {
            if (!filling && type != null) {
                fill(RuleDraft.defaultsOf(type));
            }
            validate();
        });
    }

    public ObservableList<RuleRow> rules() {
        return rules;
    }

    /** What went wrong with the last load or save, in words; empty when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty draftNameProperty() {
        return draftName;
    }

    public ObjectProperty<RuleType> draftTypeProperty() {
        return draftType;
    }

    public BooleanProperty draftEnabledProperty() {
        return draftEnabled;
    }

    public StringProperty draftFieldProperty(RuleField field) {
        return draftFields.get(field);
    }

    /** Why the draft cannot be saved; empty when it can. */
    public ReadOnlyStringProperty validationProperty() {
        return validation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }

    /** What the last "Re-apply to existing data" did. */
    public ReadOnlyStringProperty applyResultProperty() {
        return applyResult.getReadOnlyProperty();
    }

    /** Reads the rules in the background. */
    public void load() {
        run("Loading flag rules", flagRules -> flagRules.list(), this::show);
    }

    public void newRule() {
        editingId = null;
        filling = true;
        draftName.set("");
        draftEnabled.set(true);
        draftType.set(RuleType.LATENCY_ABOVE);
        filling = false;
        fill(RuleDraft.defaultsOf(RuleType.LATENCY_ABOVE));
        editing.set(true);
        validate();
    }

    /** Opens the editor on the rule; a rule whose config cannot be read starts from its type's defaults. */
    public void edit(RuleRow row) {
        FlagRule rule = row.rule();
        editingId = rule.id();
        filling = true;
        draftName.set(rule.name());
        draftEnabled.set(row.enabledProperty().get());
        Map<RuleField, String> fields;
        try {
            RuleConfig config = rule.config();
            draftType.set(config.type());
            fields = RuleDraft.fieldsOf(config);
        } catch (RuleConfigException broken) {
            RuleType type = RuleType.parse(rule.ruleType()).orElse(RuleType.LATENCY_ABOVE);
            draftType.set(type);
            fields = RuleDraft.defaultsOf(type);
        }
        filling = false;
        fill(fields);
        editing.set(true);
        validate();
    }

    public void cancelEdit() {
        editing.set(false);
    }

    /** Saves the draft (a new rule or the one being edited) in the background; the editor closes once saved. */
    public void saveDraft() {
        validate();
        if (!validation.get().isEmpty()) {
            return;
        }
        RuleConfig config = RuleDraft.toConfig(draftType.get(), currentFields());
        String name = draftName.get();
        boolean enabled = draftEnabled.get();
        Long id = editingId;
        run("Saving flag rule", flagRules -> {
            if (id == null) {
                flagRules.create(name, config, enabled);
            } else if (!flagRules.update(id, name, config, enabled)) {
                throw new IllegalArgumentException("The rule was deleted meanwhile.");
            }
            return flagRules.list();
        }, list -> {
            editing.set(false);
            show(list);
        });
    }

    /** Deletes the rule (the view asks first); the items it put into review stay. */
    public void delete(RuleRow row) {
        long id = row.rule().id();
        run("Deleting flag rule", flagRules -> {
            flagRules.delete(id);
            return flagRules.list();
        }, this::show);
    }

    /** Evaluates every rule over everything in the workspace, in the background. */
    public void reapply() {
        Optional<Workspace> target = workspace.get();
        if (target.isEmpty() || applying.get()) {
            return;
        }
        applying.set(true);
        applyResult.set("Applying the rules to everything in the workspace…");
        tasks.submit("Applying flag rules", context -> new RuleApplier(target.get().dsl()).applyAll(context),
                result -> {
                    applying.set(false);
                    applyResult.set(describe(result));
                },
                failure -> {
                    applying.set(false);
                    applyResult.set("The rules could not be applied: " + message(failure));
                });
    }

    static String describe(ApplyResult result) {
        String perRule = result.byRule().stream()
                .map(outcome -> outcome.rule() + ": " + (outcome.failed() ? "not applied (" + outcome.error() + ")"
                        : outcome.matched() + " matched"))
                .collect(Collectors.joining("; "));
        return result.summary() + (perRule.isEmpty() ? " (no rule is enabled)." : ". " + perRule + ".");
    }

    private void show(List<FlagRule> list) {
        error.set("");
        rules.setAll(list.stream().map(rule -> {
            RuleRow row = new RuleRow(rule);
            row.enabledProperty().addListener((observable, was, now) -> setEnabled(row, now));
            return row;
        }).toList());
    }

    private void setEnabled(RuleRow row, boolean enabled) {
        long id = row.rule().id();
        run("Saving flag rule", flagRules -> flagRules.setEnabled(id, enabled), saved -> error.set(""));
    }

    private void fill(Map<RuleField, String> fields) {
        filling = true;
        try {
            draftFields.forEach((field, value) -> value.set(fields.getOrDefault(field, "")));
        } finally {
            filling = false;
        }
    }

    private Map<RuleField, String> currentFields() {
        Map<RuleField, String> fields = new EnumMap<>(RuleField.class);
        draftFields.forEach((field, value) -> fields.put(field, value.get()));
        return fields;
    }

    private void validate() {
        if (filling) {
            return;
        }
        String name = draftName.get() == null ? "" : draftName.get().strip();
        if (name.isEmpty()) {
            validation.set("Give the rule a name.");
            return;
        }
        try {
            RuleDraft.toConfig(draftType.get(), currentFields());
            validation.set("");
        } catch (RuleConfigException problem) {
            validation.set(problem.getMessage());
        }
    }

    private interface StoreWork<T> {
        T run(FlagRules flagRules);
    }

    private <T> void run(String title, StoreWork<T> work, java.util.function.Consumer<T> onSuccess) {
        Optional<Workspace> target = workspace.get();
        if (target.isEmpty()) {
            error.set("No workspace is open.");
            return;
        }
        BackgroundTask<T> task = context -> work.run(new FlagRules(target.get().dsl()));
        tasks.submit(title, task, onSuccess::accept, failure -> error.set(message(failure)));
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }
}
