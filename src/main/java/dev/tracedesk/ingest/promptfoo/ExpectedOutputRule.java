package dev.tracedesk.ingest.promptfoo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.source.JsonValues;

/**
 * promptfoo has no "expected output" field; a test says what it expects through a variable or its
 * assertions. The rule, first match wins:
 * <ol>
 *   <li>a variable named {@code expected}, {@code expected_output} or {@code expectedOutput};</li>
 *   <li>else the value of the test's assertions, looked at in tiers from the most literal to the
 *       loosest — exact ({@code equals}), then reference-based ({@code similar}, {@code levenshtein},
 *       {@code factuality}, {@code rouge-n}, {@code bleu}, {@code gleu}, {@code meteor}), then
 *       containment ({@code contains}, {@code icontains}, {@code starts-with}) — taking the first
 *       tier that has any, and only when that tier holds exactly one distinct text value;</li>
 *   <li>else none.</li>
 * </ol>
 * Negated assertions ({@code not-…}) say what is not expected and never count. A value that is just
 * a variable reference ({@code "{{answer}}"}) is replaced by that variable. Assert-sets are looked
 * into. The assertions come from {@code testCase.assert} (which already holds defaultTest's), else
 * from the graded component results.
 */
final class ExpectedOutputRule {

    private static final List<String> EXPECTED_VARS = List.of("expected", "expected_output", "expectedOutput");
    private static final List<Set<String>> TIERS = List.of(
            Set.of("equals"),
            Set.of("similar", "levenshtein", "factuality", "rouge-n", "bleu", "gleu", "meteor"),
            Set.of("contains", "icontains", "starts-with"));
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("^\\{\\{\\s*([\\w.]+)\\s*}}$");
    private static final int MAX_DEPTH = 8;

    private ExpectedOutputRule() {
    }

    static String expectedOutput(JsonNode vars, JsonNode asserts) {
        if (vars != null && vars.isObject()) {
            for (String name : EXPECTED_VARS) {
                String value = JsonValues.text(vars.get(name));
                if (value != null) {
                    return value;
                }
            }
        }
        if (asserts == null || !asserts.isArray()) {
            return null;
        }
        for (Set<String> tier : TIERS) {
            // a value that is no text (a list, a function) stands in the set as null and spoils it
            Set<String> values = new LinkedHashSet<>();
            collect(asserts, tier, vars, values, 0);
            if (!values.isEmpty()) {
                return values.size() == 1 ? values.iterator().next() : null;
            }
        }
        return null;
    }

    /** From graded component results, the assertions they graded, in the shape of testCase.assert. */
    static JsonNode assertionsOf(JsonNode gradingResult) {
        var asserts = JsonValues.MAPPER.createArrayNode();
        if (gradingResult != null && gradingResult.path("componentResults").isArray()) {
            for (JsonNode component : gradingResult.get("componentResults")) {
                if (component.path("assertion").isObject()) {
                    asserts.add(component.get("assertion"));
                }
            }
        }
        return asserts;
    }

    private static void collect(JsonNode asserts, Set<String> tier, JsonNode vars, Set<String> values, int depth) {
        for (JsonNode assertion : asserts) {
            String type = assertion.path("type").asText("");
            if (type.equals("assert-set") && depth < MAX_DEPTH) {
                collect(assertion.path("assert"), tier, vars, values, depth + 1);
            } else if (tier.contains(type)) {
                JsonNode value = assertion.get("value");
                values.add(value != null && value.isValueNode() && !value.isNull()
                        ? resolve(value.asText(), vars) : null);
            }
        }
    }

    private static String resolve(String value, JsonNode vars) {
        Matcher reference = VARIABLE_REFERENCE.matcher(value.strip());
        if (reference.matches() && vars != null && vars.isObject()) {
            String resolved = JsonValues.text(vars.get(reference.group(1)));
            return resolved != null ? resolved : value;
        }
        return value;
    }
}
