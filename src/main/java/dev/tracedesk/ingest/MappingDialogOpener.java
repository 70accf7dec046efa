package dev.tracedesk.ingest;

import java.nio.file.Path;

import javafx.stage.Window;

/** Opens the field-mapping dialog for a file; the app wires it, views that offer the dialog call it. */
@FunctionalInterface
public interface MappingDialogOpener {

    void open(Window owner, Path file);
}
