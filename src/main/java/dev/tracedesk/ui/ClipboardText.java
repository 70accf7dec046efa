package dev.tracedesk.ui;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Puts text on the system clipboard, for "Copy …" menu items; nothing happens for no text. */
public final class ClipboardText {

    private ClipboardText() {
    }

    public static void copy(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
