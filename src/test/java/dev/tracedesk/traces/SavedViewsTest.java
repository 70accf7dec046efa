package dev.tracedesk.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tracedesk.store.EngineWorkspace;
import dev.tracedesk.store.TestDatabases;

/** Saved views by name, per section, on every engine. */
class SavedViewsTest {

    @TempDir
    Path tempDir;

    static List<String> engines() {
        return TestDatabases.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void savedViewsAreListedByNameWithinTheirSectionAndLoadAsSaved(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            SavedViews views = new SavedViews(workspace.dsl());

            assertThat(views.save("traces", "gpt-4o refunds", "{\"a\":1}")).isFalse();
            views.save("traces", "Errors", "{\"b\":2}");
            views.save("traces", "cheap calls", "{}");
            views.save("review", "gpt-4o refunds", "{\"other\":true}");

            assertThat(views.names("traces")).containsExactly("cheap calls", "Errors", "gpt-4o refunds");
            assertThat(views.names("review")).containsExactly("gpt-4o refunds");
            assertThat(views.definition("traces", "gpt-4o refunds")).contains("{\"a\":1}");
            assertThat(views.definition("traces", "missing")).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void savingUnderATakenNameReplacesThatView(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            SavedViews views = new SavedViews(workspace.dsl());
            views.save("traces", "refunds", "{\"v\":1}");

            assertThat(views.save("traces", "  refunds ", "{\"v\":2}")).as("replaced").isTrue();

            assertThat(views.names("traces")).containsExactly("refunds");
            assertThat(views.definition("traces", "refunds")).contains("{\"v\":2}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void renamingMovesTheViewAndRefusesATakenName(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            SavedViews views = new SavedViews(workspace.dsl());
            views.save("traces", "old", "{\"v\":1}");
            views.save("traces", "taken", "{\"v\":2}");

            assertThat(views.rename("traces", "old", "new")).isTrue();
            assertThat(views.rename("traces", "missing", "other")).isFalse();
            assertThatThrownBy(() -> views.rename("traces", "new", "taken"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");

            assertThat(views.names("traces")).containsExactly("new", "taken");
            assertThat(views.definition("traces", "new")).contains("{\"v\":1}");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void deletingRemovesOnlyThatSectionsView(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            SavedViews views = new SavedViews(workspace.dsl());
            views.save("traces", "refunds", "{}");
            views.save("review", "refunds", "{}");

            assertThat(views.delete("traces", "refunds")).isTrue();
            assertThat(views.delete("traces", "refunds")).isFalse();

            assertThat(views.names("traces")).isEmpty();
            assertThat(views.names("review")).containsExactly("refunds");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aNameOfTwoHundredCharactersFitsAndABlankOneIsRefused(String engine) {
        try (EngineWorkspace workspace = EngineWorkspace.open(engine, tempDir)) {
            SavedViews views = new SavedViews(workspace.dsl());
            String longest = "é".repeat(SavedViewName.MAX_LENGTH);

            views.save("traces", longest, "{}");

            assertThat(views.names("traces")).containsExactly(longest);
            assertThatThrownBy(() -> views.save("traces", "   ", "{}")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> views.save("traces", longest + "x", "{}")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
