package dev.tracedesk.datasets.export;

import java.util.List;

/** Choices for one export: the promptfoo assertion style, redaction rules, and the tool version for the manifest. */
public record ExportOptions(AssertionStyle assertionStyle, List<RedactionRule> redactionRules, String toolVersion) {

    public ExportOptions {
        assertionStyle = assertionStyle == null ? AssertionStyle.EQUALS : assertionStyle;
        redactionRules = redactionRules == null ? List.of() : List.copyOf(redactionRules);
        toolVersion = toolVersion == null ? "unknown" : toolVersion;
    }
}
