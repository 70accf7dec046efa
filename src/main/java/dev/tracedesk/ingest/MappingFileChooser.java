package dev.tracedesk.ingest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File ▸ Import with field mapping: one JSONL or CSV log (gzip too) to map before importing. */
public final class MappingFileChooser {

    private MappingFileChooser() {
    }

    /** Shows the dialog; empty when the user cancelled it. */
    public static Optional<Path> choose(Window owner, Path initialFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import a JSONL or CSV log with a field mapping");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("JSONL or CSV logs", "*.jsonl", "*.ndjson", "*.csv", "*.gz"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        File chosen = chooser.showOpenDialog(owner);
        return Optional.ofNullable(chosen).map(File::toPath);
    }
}
