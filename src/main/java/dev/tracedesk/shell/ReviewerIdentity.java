package dev.tracedesk.shell;

import java.io.IOException;
import java.util.Map;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tracedesk.review.Reviewers;

/**
 * Who labels from this window. Until the reviewer confirms a name it is the OS user (or
 * {@code TRACEDESK_REVIEWER}), and the Review section asks once; the status bar shows it and
 * changes it. Kept in the UI preferences: it belongs to the person at this machine, not to a workspace.
 */
public final class ReviewerIdentity {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewerIdentity.class);

    private final UiPreferences preferences;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyBooleanWrapper confirmed = new ReadOnlyBooleanWrapper(this, "confirmed");

    public ReviewerIdentity(UiPreferences preferences, Map<String, String> environment) {
        this.preferences = preferences;
        name.set(preferences.reviewer().orElse(Reviewers.fromEnvironment(environment)));
        confirmed.set(preferences.reviewer().isPresent());
    }

    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** False until the reviewer has confirmed or chosen a name. */
    public ReadOnlyBooleanProperty confirmedProperty() {
        return confirmed.getReadOnlyProperty();
    }

    /**
     * Takes the name (trimmed) and remembers it.
     *
     * @throws IllegalArgumentException for a blank or over-long name
     */
    public void confirm(String chosen) {
        String checked = Reviewers.require(chosen);
        preferences.setReviewer(checked);
        name.set(checked);
        confirmed.set(true);
        try {
            preferences.save();
        } catch (IOException e) {
            LOG.warn("Could not save the reviewer name to {}: {}", preferences.file(), e.getMessage());
        }
    }
}
