package dev.tracedesk.ingest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The File ▸ Import dialog: several files at once, the supported kinds first. */
public final class ImportFileChooser {

    /** Extensions of the files the readers take; detection looks at the content, so "All files" is offered too. */
    static final List<String> SUPPORTED = List.of("*.json", "*.jsonl", "*.gz", "*.csv", "*.eval", "*.zip");

    private ImportFileChooser() {
    }

    /** Shows the dialog; an empty list when the user cancelled it. */
    public static List<Path> choose(Window owner, Path initialFolder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import trace and eval files");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("All supported (" + String.join(", ", SUPPORTED) + ")", SUPPORTED),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (initialFolder != null && Files.isDirectory(initialFolder)) {
            chooser.setInitialDirectory(initialFolder.toFile());
        }
        List<File> chosen = chooser.showOpenMultipleDialog(owner);
        return chosen == null ? List.of() : chosen.stream().map(File::toPath).toList();
    }
}
