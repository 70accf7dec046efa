package dev.tracedesk.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tracedesk.core.task.TaskContext;
import dev.tracedesk.ingest.write.ImportCounts;

/**
 * Imports several files one after another inside one background task. Progress covers the whole
 * batch (by bytes, so a big file weighs more than a small one); cancel ends the file being read
 * (the service keeps what it read) and leaves the files after it untouched.
 */
final class ImportBatch {

    static final String NOT_STARTED = "Not imported: the import was cancelled before this file.";

    private final ImportService service;
    private final List<Path> files;
    private final Optional<String> mappingName;

    ImportBatch(ImportService service, List<Path> files) {
        this(service, files, Optional.empty());
    }

    /** @param mappingName a saved field mapping every file is read with (generic logs), or empty to detect formats */
    ImportBatch(ImportService service, List<Path> files, Optional<String> mappingName) {
        this.service = service;
        this.files = List.copyOf(files);
        this.mappingName = mappingName;
    }

    /** One result per file, in the order given; never throws for a bad file, the result says why. */
    List<ImportResult> run(TaskContext context) {
        long totalBytes = files.stream().mapToLong(ImportBatch::sizeOrZero).sum();
        long bytesBefore = 0;
        List<ImportResult> results = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            if (context.isCancelled()) {
                results.add(notStarted(file));
                continue;
            }
            FileProgress progress = new FileProgress(context, file.getFileName() + ": ", prefix(i), bytesBefore, totalBytes);
            progress.progress(0, 0, "reading…");
            results.add(service.importFile(file, Optional.empty(), mappingName, progress));
            bytesBefore += sizeOrZero(file);
        }
        return results;
    }

    private String prefix(int index) {
        String name = files.get(index).getFileName().toString();
        // One file is named by the task's title already; in a batch, say which one is being read.
        return files.size() == 1 ? "" : "file " + (index + 1) + " of " + files.size() + ", " + name + ": ";
    }

    private static ImportResult notStarted(Path file) {
        return new ImportResult(null, file, null, ImportStatus.CANCELLED, ImportCounts.NONE, NOT_STARTED);
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The service reports one file's bytes; this turns that into the batch's share and names the file. */
    private static final class FileProgress implements TaskContext {

        private final TaskContext batch;
        private final String servicePrefix;
        private final String prefix;
        private final long bytesBefore;
        private final long totalBytes;

        FileProgress(TaskContext batch, String servicePrefix, String prefix, long bytesBefore, long totalBytes) {
            this.batch = batch;
            this.servicePrefix = servicePrefix;
            this.prefix = prefix;
            this.bytesBefore = bytesBefore;
            this.totalBytes = totalBytes;
        }

        @Override
        public void progress(long done, long total, String message) {
            String text = message == null ? "" : message;
            // The service starts its messages with the file name, which the prefix already has.
            String detail = text.startsWith(servicePrefix) ? text.substring(servicePrefix.length()) : text;
            batch.progress(bytesBefore + Math.max(0, done), totalBytes, prefix + detail);
        }

        @Override
        public boolean isCancelled() {
            return batch.isCancelled();
        }
    }
}
