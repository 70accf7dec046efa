package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewerIdentityTest {

    @TempDir
    Path tempDir;

    @Test
    void startsAsTheEnvironmentsReviewerUnconfirmedAndRemembersTheConfirmedName() {
        Path file = tempDir.resolve(UiPreferences.FILE_NAME);
        ReviewerIdentity first = new ReviewerIdentity(UiPreferences.load(file), Map.of("TRACEDESK_REVIEWER", "ci-bot"));

        assertThat(first.nameProperty().get()).isEqualTo("ci-bot");
        assertThat(first.confirmedProperty().get()).isFalse();

        first.confirm("  Dana Expert ");

        ReviewerIdentity later = new ReviewerIdentity(UiPreferences.load(file), Map.of());
        assertThat(later.nameProperty().get()).isEqualTo("Dana Expert");
        assertThat(later.confirmedProperty().get()).isTrue();
    }

    @Test
    void withoutAVariableItIsTheOsUserAndABlankNameIsRefused() {
        ReviewerIdentity identity = new ReviewerIdentity(UiPreferences.load(tempDir.resolve("ui.properties")), Map.of());

        assertThat(identity.nameProperty().get()).isEqualTo(System.getProperty("user.name"));
        assertThatThrownBy(() -> identity.confirm("   ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a reviewer name");
        assertThat(identity.confirmedProperty().get()).isFalse();
    }
}
