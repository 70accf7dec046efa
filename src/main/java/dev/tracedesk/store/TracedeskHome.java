package dev.tracedesk.store;

import java.nio.file.Path;
import java.util.Map;

/** The per-user folder for the default workspace, UI preferences and logs. */
public final class TracedeskHome {

    private TracedeskHome() {
    }

    /** {@code TRACEDESK_HOME} when set (tests and portable installs), else {@code ~/.tracedesk}. */
    public static Path resolve(Map<String, String> environment) {
        String override = environment.get("TRACEDESK_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".tracedesk");
    }
}
