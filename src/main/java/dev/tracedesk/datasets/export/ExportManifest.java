package dev.tracedesk.datasets.export;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The manifest beside an export. No timestamps, so a re-export is byte-identical. */
final class ExportManifest {

    private ExportManifest() {
    }

    static String json(ExportSource source, ExportFormat format, ExportOptions options, List<String> rules,
            ExportResult result) {
        ObjectNode root = ExportJson.object();
        root.put("dataset", source.dataset());
        root.put("version", source.version());
        root.put("contentHash", source.contentHash());
        root.put("format", format.id());
        if (format == ExportFormat.PROMPTFOO || format == ExportFormat.PROMPTFOO_CSV) {
            root.put("assertionStyle", options.assertionStyle().promptfooType());
        }
        root.put("file", result.file().getFileName().toString());
        root.put("sha256", result.sha256());
        ObjectNode counts = root.putObject("counts");
        counts.put("written", result.written());
        counts.put("skipped", result.skipped());
        counts.set("skippedByReason", ExportJson.value(result.skippedByReason()));
        ObjectNode redaction = root.putObject("redaction");
        if (options.redactionSet() != null) {
            redaction.put("set", options.redactionSet());
        }
        ArrayNode ruleNames = redaction.putArray("rules");
        rules.forEach(ruleNames::add);
        redaction.set("counts", ExportJson.value(result.redactions()));
        root.put("toolVersion", options.toolVersion());
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        try {
            return ExportJson.MAPPER.writer(printer).writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
