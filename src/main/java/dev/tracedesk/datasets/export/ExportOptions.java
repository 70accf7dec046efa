package dev.tracedesk.datasets.export;

import java.util.List;

/**
 * Choices for one export: the promptfoo assertion style, redaction rules, and the tool version for the manifest.
 *
 * @param redactionSet the name the rules were chosen by ({@code none}, {@code default} or a saved set), for the
 *                     manifest; null when the caller picked rules without a name
 */
public record ExportOptions(AssertionStyle assertionStyle, List<RedactionRule> redactionRules, String toolVersion,
                            String redactionSet) {

    public ExportOptions {
        assertionStyle = assertionStyle == null ? AssertionStyle.EQUALS : assertionStyle;
        redactionRules = redactionRules == null ? List.of() : List.copyOf(redactionRules);
        toolVersion = toolVersion == null ? "unknown" : toolVersion;
    }

    public ExportOptions(AssertionStyle assertionStyle, List<RedactionRule> redactionRules, String toolVersion) {
        this(assertionStyle, redactionRules, toolVersion, null);
    }
}
