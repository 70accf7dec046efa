package dev.tracedesk.shell;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;

/**
 * Makes a node take files dropped on it. While files are dragged over it, {@code highlighted}
 * gets the {@code drop-target} style class, so it is clear a drop will import them; when no drop
 * is possible now, the drag is refused and the cursor says so.
 */
final class FileDropTarget {

    private static final String STYLE = "drop-target";

    private FileDropTarget() {
    }

    static void install(Node target, Node highlighted, BooleanSupplier accepting, Consumer<List<Path>> onFiles) {
        target.addEventHandler(DragEvent.DRAG_OVER, event -> {
            if (event.getDragboard().hasFiles() && accepting.getAsBoolean()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        target.addEventHandler(DragEvent.DRAG_ENTERED, event -> {
            if (event.getDragboard().hasFiles() && accepting.getAsBoolean()
                    && !highlighted.getStyleClass().contains(STYLE)) {
                highlighted.getStyleClass().add(STYLE);
            }
        });
        target.addEventHandler(DragEvent.DRAG_EXITED, event -> highlighted.getStyleClass().remove(STYLE));
        target.addEventHandler(DragEvent.DRAG_DROPPED, event -> {
            highlighted.getStyleClass().remove(STYLE);
            boolean hasFiles = event.getDragboard().hasFiles();
            if (hasFiles) {
                onFiles.accept(event.getDragboard().getFiles().stream().map(File::toPath).toList());
            }
            event.setDropCompleted(hasFiles);
            event.consume();
        });
    }
}
