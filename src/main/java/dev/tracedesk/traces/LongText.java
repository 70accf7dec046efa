package dev.tracedesk.traces;

import javafx.scene.control.TextArea;

/**
 * Imported content in a read-only text area: selectable, wrapped, as tall as its text up to a
 * limit, then scrolling. Content past {@link #SHOWN_CHARS} is cut with a note, so a huge prompt
 * cannot stall the layout; a Label would lay out all of it at once.
 */
public final class LongText {

    static final int SHOWN_CHARS = 200_000;
    private static final int MAX_ROWS = 14;

    private LongText() {
    }

    public static TextArea of(String text, String styleClass) {
        String content = text == null ? "" : text;
        if (content.length() > SHOWN_CHARS) {
            content = content.substring(0, SHOWN_CHARS) + "\n… (the first " + SHOWN_CHARS + " of "
                    + text.length() + " characters are shown)";
        }
        TextArea area = new TextArea(content);
        area.setEditable(false);
        area.setWrapText(true);
        area.getStyleClass().addAll("provenance-text", styleClass);
        long lines = content.lines().limit(MAX_ROWS + 1).count() + content.length() / 120;
        area.setPrefRowCount((int) Math.max(1, Math.min(MAX_ROWS, lines)));
        area.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return area;
    }
}
