package dev.tracedesk.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;

/** Maps a {@link Theme} to AtlantaFX's Primer stylesheets, applied to the whole application. */
public final class ThemeStylesheets {

    private ThemeStylesheets() {
    }

    public static String userAgentStylesheet(Theme theme) {
        return theme == Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
    }

    public static void apply(Theme theme) {
        Application.setUserAgentStylesheet(userAgentStylesheet(theme));
    }
}
