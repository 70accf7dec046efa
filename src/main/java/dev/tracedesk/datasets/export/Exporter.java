package dev.tracedesk.datasets.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes dataset items in one format to a file, plus {@code <file>.manifest.json} beside it. Items are
 * redacted first, then written in item-key order; the same input always gives the same bytes.
 */
public final class Exporter {

    private final ExportFormat format;
    private final ExportOptions options;

    public Exporter(ExportFormat format, ExportOptions options) {
        this.format = format;
        this.options = options;
    }

    /**
     * Writes {@code items} (any order; item keys must be unique) to {@code out} and its manifest.
     *
     * @throws Redactor.RedactionException when a text cannot be redacted safely; nothing is written
     */
    public ExportResult export(ExportSource source, List<ExportItem> items, Path out) throws IOException {
        Redactor redactor = new Redactor(options.redactionRules());
        List<ExportItem> sorted = items.stream()
                .sorted(Comparator.comparing(ExportItem::itemKey))
                .map(i -> ItemRedaction.apply(redactor, i))
                .toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).itemKey().equals(sorted.get(i - 1).itemKey())) {
                // two items under one key would make the file's order, and so its bytes, depend on the input order
                throw new IllegalArgumentException("item key " + sorted.get(i).itemKey() + " appears twice");
            }
        }
        Map<String, Integer> skipped = new TreeMap<>();
        List<String> chunks = new ArrayList<>();
        for (Mapped<String> m : render(source, sorted)) {
            if (m.skipped()) {
                skipped.merge(m.skipReason(), 1, Integer::sum);
            } else {
                chunks.add(m.record());
            }
        }
        int written = format == ExportFormat.CSV || format == ExportFormat.PROMPTFOO_CSV ? chunks.size() - 1 : chunks.size();
        byte[] bytes = String.join("", chunks).getBytes(StandardCharsets.UTF_8);
        Path manifest = out.resolveSibling(out.getFileName() + ".manifest.json");
        ExportResult result = new ExportResult(out, manifest, written, skipped, redactor.counts(), sha256(bytes));
        writeReplacing(out, bytes);
        writeReplacing(manifest, ExportManifest.json(source, format, options, redactor.ruleNames(), result)
                .getBytes(StandardCharsets.UTF_8));
        return result;
    }

    private List<Mapped<String>> render(ExportSource source, List<ExportItem> items) {
        List<Mapped<String>> out = new ArrayList<>();
        switch (format) {
            case PROMPTFOO -> items.forEach(i -> out.add(PromptfooTests.yaml(source, i, options.assertionStyle())));
            case PROMPTFOO_CSV -> {
                List<String> header = PromptfooTests.csvHeader(source, items);
                out.add(Mapped.of(CsvText.row(header)));
                for (ExportItem i : items) {
                    Mapped<List<String>> row = PromptfooTests.csvRow(source, i, options.assertionStyle(), header);
                    out.add(row.skipped() ? Mapped.skip(row.skipReason()) : Mapped.of(CsvText.row(row.record())));
                }
            }
            case CSV -> {
                out.add(Mapped.of(CsvText.row(List.of("item_key", "split", "input", "expected", "original", "metadata"))));
                items.forEach(i -> out.add(Mapped.of(CsvText.row(csvFields(i)))));
            }
            default -> items.forEach(i -> {
                var m = JsonlRecords.map(format, i);
                out.add(m.skipped() ? Mapped.skip(m.skipReason()) : Mapped.of(ExportJson.line(m.record()) + "\n"));
            });
        }
        return out;
    }

    /** The plain CSV's input is the prompt, or the messages as a JSON array when there is no prompt. */
    private static List<String> csvFields(ExportItem i) {
        String input = i.prompt() != null || i.messages().isEmpty() ? i.prompt() : ExportJson.line(ExportJson.messages(i.messages()));
        List<String> fields = new ArrayList<>();
        fields.add(i.itemKey());
        fields.add(i.split());
        fields.add(input);
        fields.add(i.expectedOutput());
        fields.add(i.originalOutput());
        fields.add(ExportJson.line(ExportJson.value(i.metadata())));
        return fields;
    }

    /** Written beside the target and moved over it, so a failed export never leaves half a file. */
    private static void writeReplacing(Path target, byte[] bytes) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
