package dev.tracedesk.review.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.review.rules.RuleConfig.LatencyAbove;
import dev.tracedesk.review.rules.RuleConfig.SpotCheck;
import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

class FlagRulesTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void createUpdateEnableAndDeleteWithUniqueNames(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            FlagRules rules = new FlagRules(workspace.dsl());
            assertThat(rules.list()).hasSize(7);
            assertThat(rules.findByName("Spot check").orElseThrow().config()).isEqualTo(new SpotCheck(2));

            FlagRule created = rules.create("  Slow checkout ", new LatencyAbove(5_000), false);
            assertThat(created.name()).isEqualTo("Slow checkout");
            assertThat(rules.find(created.id()).orElseThrow()).isEqualTo(created);
            assertThatThrownBy(() -> rules.create("Slow call", new LatencyAbove(1), true))
                    .hasMessage("A rule named \u201cSlow call\u201d already exists.");
            assertThatThrownBy(() -> rules.create(" ", new LatencyAbove(1), true)).hasMessage("A rule needs a name.");

            assertThat(rules.update(created.id(), "Slow checkout", new SpotCheck(5), true)).isTrue();
            assertThat(rules.find(created.id()).orElseThrow().config()).isEqualTo(new SpotCheck(5));
            assertThatThrownBy(() -> rules.update(created.id(), "Slow call", new SpotCheck(5), true))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(rules.setEnabled(created.id(), false)).isTrue();
            assertThat(rules.find(created.id()).orElseThrow().enabled()).isFalse();

            assertThat(rules.delete(created.id())).isTrue();
            assertThat(rules.delete(created.id())).isFalse();
            assertThat(rules.list()).hasSize(7);
        }
    }
}
