package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiPreferencesTest {

    @TempDir
    Path folder;

    @Test
    void aMissingFileGivesTheDefaults() {
        UiPreferences preferences = UiPreferences.load(folder.resolve("ui.properties"));

        assertThat(preferences.theme()).isEqualTo(Theme.LIGHT);
        assertThat(preferences.windowGeometry()).isEmpty();
        assertThat(preferences.sampleDataOfferDismissed()).isFalse();
    }

    @Test
    void whatIsSavedIsReadBack() throws Exception {
        Path file = folder.resolve("nested").resolve("ui.properties");
        UiPreferences preferences = UiPreferences.load(file);
        preferences.setTheme(Theme.DARK);
        preferences.setWindowGeometry(new WindowGeometry(10, 20, 1000, 700, true));
        preferences.setSampleDataOfferDismissed(true);

        preferences.save();

        UiPreferences reloaded = UiPreferences.load(file);
        assertThat(reloaded.theme()).isEqualTo(Theme.DARK);
        assertThat(reloaded.windowGeometry()).contains(new WindowGeometry(10, 20, 1000, 700, true));
        assertThat(reloaded.sampleDataOfferDismissed()).isTrue();
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void damagedValuesFallBackToDefaults() throws Exception {
        Path file = folder.resolve("ui.properties");
        Files.writeString(file, "theme=purple\nwindow.width=wide\nwindow.height=700\n");

        UiPreferences preferences = UiPreferences.load(file);

        assertThat(preferences.theme()).isEqualTo(Theme.LIGHT);
        assertThat(preferences.windowGeometry()).isEmpty();
    }

    @Test
    void livesInTheTracedeskHome() {
        UiPreferences preferences = UiPreferences.inHome(Map.of("TRACEDESK_HOME", folder.toString()));

        assertThat(preferences.file()).isEqualTo(folder.toAbsolutePath().resolve("ui.properties"));
    }
}
