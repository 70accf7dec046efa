package dev.tracedesk.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.datasets.export.RedactionRule;
import dev.tracedesk.datasets.export.RedactionSet;
import dev.tracedesk.datasets.export.Redactor;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/** Named redaction sets in workspace_setting: saved, listed, loaded as rules, replaced, deleted; bad sets refused. */
class RedactionSetsTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    private static RedactionSet support() {
        return new RedactionSet("support", List.of("phone", "email"),
                List.of(new RedactionSet.CustomRule("ticket", "TCK-[0-9]{4,}", "[TICKET]"),
                        new RedactionSet.CustomRule("order", "ORD-[0-9]+", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aSavedSetLoadsAsTheSameRulesInBuiltInOrderThenCustom(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            RedactionSets sets = new RedactionSets(workspace.dsl(), Clock.systemUTC());
            assertThat(sets.names()).isEmpty();

            sets.save(support());
            sets.save(new RedactionSet("keys-only", List.of("api-key", "bearer-token"), List.of()));

            assertThat(sets.names()).containsExactly("keys-only", "support");
            assertThat(sets.find("support")).contains(support());
            RedactionSets.Choice chosen = sets.choose("support");
            assertThat(chosen.name()).isEqualTo("support");
            // email runs before phone whatever order they were chosen in
            assertThat(chosen.rules()).extracting(RedactionRule::name).containsExactly("email", "phone", "ticket", "order");
            Redactor redactor = new Redactor(chosen.rules());
            assertThat(redactor.redact("Mail ana@example.com about TCK-12345 and ORD-9, key sk-abcdefghijklmnopqrstu"))
                    .isEqualTo("Mail [REDACTED:email] about [TICKET] and [REDACTED:order], key sk-abcdefghijklmnopqrstu");

            // saving under the same name replaces
            sets.save(new RedactionSet("support", List.of("email"), List.of()));
            assertThat(sets.load("support").custom()).isEmpty();
            assertThat(sets.names()).hasSize(2);

            assertThat(sets.choose("none").rules()).isEmpty();
            assertThat(sets.choose("DEFAULT").rules()).hasSameSizeAs(RedactionRule.builtIn());
            assertThatThrownBy(() -> sets.choose("suport")).isInstanceOf(DatasetException.class)
                    .hasMessageContaining("not \"suport\"").hasMessageContaining("Saved sets: keys-only, support.");

            sets.delete("keys-only");
            assertThat(sets.names()).containsExactly("support");
            assertThatThrownBy(() -> sets.delete("keys-only")).hasMessageContaining("Saved sets: support.");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aSetThatCouldNotRunIsRefusedNamingTheRule(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            assertThatThrownBy(() -> new RedactionSet("bad", List.of(),
                    List.of(new RedactionSet.CustomRule("ticket", "TCK-[0-9", null))))
                    .hasMessageStartingWith("The rule \"ticket\" has a pattern that is not a valid regular expression: ")
                    .hasMessageContaining("TCK-[0-9");
            assertThatThrownBy(() -> new RedactionSet("bad", List.of("e-mail"), List.of()))
                    .hasMessageContaining("no built-in redaction rule \"e-mail\"").hasMessageContaining("email");
            assertThatThrownBy(() -> new RedactionSet("bad", List.of("email"),
                    List.of(new RedactionSet.CustomRule("email", "x", null)))).hasMessageContaining("Two rules are named \"email\"");
            assertThatThrownBy(() -> new RedactionSet("default", List.of("email"), List.of()))
                    .hasMessageContaining("already means something to --redact");
            assertThatThrownBy(() -> new RedactionSet("empty", List.of(), List.of())).hasMessageContaining("has no rules");
            assertThatThrownBy(() -> new RedactionSet("a b", List.of("email"), List.of())).hasMessageContaining("cannot name");

            // a row broken by hand is reported when loaded, not silently ignored
            workspace.dsl().insertInto(dev.tracedesk.store.generated.Tables.WORKSPACE_SETTING)
                    .set(dev.tracedesk.store.generated.Tables.WORKSPACE_SETTING.SETTING_KEY, RedactionSets.KEY_PREFIX + "broken")
                    .set(dev.tracedesk.store.generated.Tables.WORKSPACE_SETTING.SETTING_VALUE,
                            "{\"custom\":[{\"name\":\"x\",\"pattern\":\"(\"}]}")
                    .set(dev.tracedesk.store.generated.Tables.WORKSPACE_SETTING.UPDATED_AT, java.time.OffsetDateTime.now())
                    .execute();
            assertThatThrownBy(() -> new RedactionSets(workspace.dsl(), Clock.systemUTC()).choose("broken"))
                    .hasMessageContaining("cannot be read").hasMessageContaining("The rule \"x\"");
        }
    }
}
