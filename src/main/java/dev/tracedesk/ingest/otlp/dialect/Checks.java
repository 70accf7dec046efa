package dev.tracedesk.ingest.otlp.dialect;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.core.model.CheckSource;
import dev.tracedesk.ingest.model.CanonicalCheck;
import dev.tracedesk.ingest.model.CanonicalSpan;
import dev.tracedesk.ingest.source.JsonValues;

/**
 * Guardrail results and evaluations carried by a span: the OTel GenAI events
 * gen_ai.guardrail.result and gen_ai.evaluation.result, guardrail attributes on an
 * apply_guardrail span, and an OpenInference annotation / evaluation written flat on the span.
 * Guardrail values stay provider-native (the spec asks not to turn them into allow/deny), so a
 * guardrail check has a label and no verdict.
 */
final class Checks implements DialectMapper {

    static final String GUARDRAIL_EVENT = "gen_ai.guardrail.result";
    static final String EVALUATION_EVENT = "gen_ai.evaluation.result";

    @Override
    public void map(SpanFacts facts, CanonicalSpan span) {
        if (!facts.hasAny(SpanFacts.GEN_AI | SpanFacts.OPEN_INFERENCE) && facts.events().isEmpty()) {
            return;
        }
        boolean guardrailEvents = false;
        for (SpanEvent event : facts.events()) {
            if (GUARDRAIL_EVENT.equals(event.name())) {
                guardrailEvents = true;
                span.checks.add(guardrail(span, event.attributes(), "event:" + event.index(), event.timeNs()));
            } else if (EVALUATION_EVENT.equals(event.name())) {
                span.checks.add(evaluation(span, event.attributes(), "event:" + event.index(), event.timeNs()));
            }
        }
        if (!guardrailEvents && (facts.has("gen_ai.guardrail.result.value") || facts.has("gen_ai.guardrail.result.type"))) {
            span.checks.add(guardrail(span, facts.attributes(), "guardrail", null));
        }
        flatAnnotation(facts, span, "annotation.");
        flatAnnotation(facts, span, "evaluation.");
    }

    private static CanonicalCheck guardrail(CanonicalSpan span, ObjectNode attributes, String localId, Long timeNs) {
        String name = firstText(attributes, "gen_ai.guardrail.component.name", "gen_ai.guardrail.policy.id");
        String reason = Values.text(attributes.get("gen_ai.guardrail.result.reason"));
        String category = Values.text(attributes.get("gen_ai.guardrail.risk.category"));
        String explanation = reason != null ? reason : category == null ? null : "risk category: " + category;
        return new CanonicalCheck(externalId(span, localId), CheckSource.GUARDRAIL, name == null ? "guardrail" : name,
                firstText(attributes, "gen_ai.guardrail.result.value", "gen_ai.guardrail.result.type"),
                JsonValues.asDouble(attributes.get("gen_ai.guardrail.risk.score")), null, explanation, timeNs);
    }

    private static CanonicalCheck evaluation(CanonicalSpan span, ObjectNode attributes, String localId, Long timeNs) {
        String name = Values.text(attributes.get("gen_ai.evaluation.name"));
        String label = Values.text(attributes.get("gen_ai.evaluation.score.label"));
        return new CanonicalCheck(externalId(span, localId), CheckSource.EVALUATION, name == null ? "evaluation" : name,
                label, JsonValues.asDouble(attributes.get("gen_ai.evaluation.score.value")), passedFromLabel(label),
                Values.text(attributes.get("gen_ai.evaluation.explanation")), timeNs);
    }

    private static void flatAnnotation(SpanFacts facts, CanonicalSpan span, String prefix) {
        String name = facts.text(prefix + "name");
        if (name == null) {
            return;
        }
        String label = facts.text(prefix + "label");
        String kind = facts.text(prefix + "annotator_kind");
        span.checks.add(new CanonicalCheck(externalId(span, prefix + "span"),
                "HUMAN".equalsIgnoreCase(kind) ? CheckSource.ANNOTATION : CheckSource.EVALUATION, name, label,
                facts.number(prefix + "score"), passedFromLabel(label), facts.text(prefix + "explanation"), null));
    }

    /**
     * OTLP checks carry no id of their own; this one is made of the span's ids and the check's
     * place on the span, so importing the same span again names the same check.
     */
    static String externalId(CanonicalSpan span, String localId) {
        return "otlp:" + span.traceId + ":" + span.spanId + ":" + localId;
    }

    /** pass/fail-like labels as a verdict; any other label (e.g. "relevant") gives none. */
    static Boolean passedFromLabel(String label) {
        if (label == null) {
            return null;
        }
        return switch (label.trim().toLowerCase(Locale.ROOT)) {
            case "pass", "passed", "true", "yes", "correct", "ok" -> Boolean.TRUE;
            case "fail", "failed", "false", "no", "incorrect" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String firstText(ObjectNode attributes, String first, String second) {
        String value = Values.text(attributes.get(first));
        return value != null ? value : Values.text(attributes.get(second));
    }
}
