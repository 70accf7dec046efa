package dev.tracedesk.shell;

/** The two looks of the window; the view maps each to an AtlantaFX stylesheet. */
public enum Theme {
    LIGHT,
    DARK;

    public Theme toggled() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
