package dev.tracedesk.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tracedesk.store.TracedeskHome;

/**
 * What the window remembers between runs (theme, size and position, a dismissed offer), kept in
 * {@code ui.properties} in the Tracedesk home rather than java.util.prefs, so each test and each
 * portable install has its own. Safe to save from a background thread.
 */
public final class UiPreferences {

    public static final String FILE_NAME = "ui.properties";

    private static final Logger LOG = LoggerFactory.getLogger(UiPreferences.class);
    private static final String THEME = "theme";
    private static final String WINDOW_X = "window.x";
    private static final String WINDOW_Y = "window.y";
    private static final String WINDOW_WIDTH = "window.width";
    private static final String WINDOW_HEIGHT = "window.height";
    private static final String WINDOW_MAXIMIZED = "window.maximized";
    private static final String SAMPLE_OFFER_DISMISSED = "sampleData.offerDismissed";
    private static final String REVIEWER = "reviewer.name";

    private final Path file;
    private final Properties values;

    private UiPreferences(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** The preferences in the user's Tracedesk home ({@code TRACEDESK_HOME} or {@code ~/.tracedesk}). */
    public static UiPreferences inHome(Map<String, String> environment) {
        return load(TracedeskHome.resolve(environment).resolve(FILE_NAME));
    }

    /** Reads the file; a missing or unreadable one gives the defaults, since preferences are never worth failing for. */
    public static UiPreferences load(Path file) {
        Properties values = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable UI preferences {}: {}", file, e.getMessage());
                values.clear();
            }
        }
        return new UiPreferences(file, values);
    }

    public Path file() {
        return file;
    }

    public synchronized Theme theme() {
        return "dark".equalsIgnoreCase(values.getProperty(THEME)) ? Theme.DARK : Theme.LIGHT;
    }

    public synchronized void setTheme(Theme theme) {
        values.setProperty(THEME, theme.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** Empty when none was saved or the saved one is damaged. */
    public synchronized Optional<WindowGeometry> windowGeometry() {
        try {
            double width = Double.parseDouble(values.getProperty(WINDOW_WIDTH, "NaN"));
            double height = Double.parseDouble(values.getProperty(WINDOW_HEIGHT, "NaN"));
            if (!(width > 0 && height > 0)) {
                return Optional.empty();
            }
            return Optional.of(new WindowGeometry(
                    Double.parseDouble(values.getProperty(WINDOW_X, "0")),
                    Double.parseDouble(values.getProperty(WINDOW_Y, "0")),
                    width, height,
                    Boolean.parseBoolean(values.getProperty(WINDOW_MAXIMIZED, "false"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public synchronized void setWindowGeometry(WindowGeometry geometry) {
        values.setProperty(WINDOW_X, Double.toString(geometry.x()));
        values.setProperty(WINDOW_Y, Double.toString(geometry.y()));
        values.setProperty(WINDOW_WIDTH, Double.toString(geometry.width()));
        values.setProperty(WINDOW_HEIGHT, Double.toString(geometry.height()));
        values.setProperty(WINDOW_MAXIMIZED, Boolean.toString(geometry.maximized()));
    }

    public synchronized boolean sampleDataOfferDismissed() {
        return Boolean.parseBoolean(values.getProperty(SAMPLE_OFFER_DISMISSED, "false"));
    }

    public synchronized void setSampleDataOfferDismissed(boolean dismissed) {
        values.setProperty(SAMPLE_OFFER_DISMISSED, Boolean.toString(dismissed));
    }

    /** The reviewer's name as they confirmed it; empty until they have. */
    public synchronized Optional<String> reviewer() {
        String name = values.getProperty(REVIEWER, "").trim();
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    public synchronized void setReviewer(String name) {
        values.setProperty(REVIEWER, name.trim());
    }

    /** Writes to a temporary file first, so a crash mid-write never leaves a half file behind. */
    public void save() throws IOException {
        Properties snapshot;
        synchronized (this) {
            snapshot = new Properties();
            snapshot.putAll(values);
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, FILE_NAME, ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            snapshot.store(out, "Tracedesk window preferences");
        }
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
