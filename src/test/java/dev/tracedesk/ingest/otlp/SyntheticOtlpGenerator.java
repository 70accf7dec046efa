package dev.tracedesk.ingest.otlp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Writes synthetic OTLP/JSON Lines in the OpenInference dialect, shaped like what
 * {@code @arizeai/openinference-instrumentation-openai} and a RAG app write, for the import
 * benchmark: one line per trace (one TracesData), each trace a CHAIN root, a RETRIEVER with 3
 * documents of about 500 characters, and an LLM call with 3–4 messages, a prompt template with
 * its variables, invocation parameters and token counts: about 2.8 KB per span on average. The
 * documents' text is in the retriever span and in the rendered user message; the template's
 * variables name them by id, as apps that pass references do (their text a third time would make
 * the LLM span alone 5 KB).
 * Deterministic for a seed.
 *
 * <p>Usage: {@code SyntheticOtlpGenerator --spans 200000 --out /tmp/otlp-200k.jsonl [--seed 1]}
 */
public final class SyntheticOtlpGenerator {

    private static final String[] WORDS = ("order refund shipping delivery warranty account password invoice "
            + "payment headphones speaker battery charger cable return policy days customer support store online "
            + "replacement repair damaged missing package tracking number address change cancel subscription "
            + "discount coupon price match exchange size color model firmware update bluetooth pairing noise "
            + "cancelling warranty claim receipt proof purchase business within after before during the a an "
            + "and or of to for with on in is are was be can will may must not you your we our item items").split(" ");
    /** Characters per retrieved document. */
    static final int DOCUMENT_CHARS = 500;
    private static final String TEMPLATE = "Context:\n{context}\n\nQuestion: {question}\nAnswer from the context only.";
    private static final String SYSTEM = "You are a helpful customer-support assistant for Acme Audio.";
    private static final JsonFactory JSON = new JsonFactory();

    private final Random random;
    private long clockNs = 1_760_000_000_000_000_000L;

    public SyntheticOtlpGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException {
        long spans = 0;
        Path out = null;
        long seed = 1;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--spans" -> spans = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--seed" -> seed = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (spans <= 0 || out == null) {
            System.err.println("usage: SyntheticOtlpGenerator --spans N --out FILE [--seed S]");
            System.exit(2);
        }
        long started = System.nanoTime();
        new SyntheticOtlpGenerator(seed).write(out, spans);
        long bytes = Files.size(out);
        System.out.printf(Locale.ROOT, "wrote %d spans, %.1f MB (%.0f bytes/span) to %s in %.1f s%n", spans,
                bytes / 1e6, (double) bytes / spans, out, (System.nanoTime() - started) / 1e9);
    }

    /** Writes {@code spans} spans, three per trace (the last trace may have fewer). */
    public void write(Path out, long spans) throws IOException {
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            for (long written = 0; written < spans; written += 3) {
                writeTrace(stream, (int) Math.min(3, spans - written));
                stream.write('\n');
            }
        }
    }

    private void writeTrace(OutputStream stream, int spanCount) throws IOException {
        String traceId = hex(random.nextLong()) + hex(random.nextLong());
        String rootId = hex(random.nextLong());
        String question = sentence(8, 14).replace('.', '?');
        String[] documents = {paragraph(DOCUMENT_CHARS), paragraph(DOCUMENT_CHARS), paragraph(DOCUMENT_CHARS)};
        String[] documentIds = {"kb-" + random.nextInt(100_000), "kb-" + random.nextInt(100_000), "kb-" + random.nextInt(100_000)};
        String answer = paragraph(150);
        String session = "sess-" + random.nextInt(5000);
        String user = "user-" + random.nextInt(2000);
        long start = clockNs += 2_000_000_000L;
        try (JsonGenerator json = JSON.createGenerator(new NonClosing(stream), JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("resourceSpans");
            json.writeStartObject();
            json.writeObjectFieldStart("resource");
            json.writeArrayFieldStart("attributes");
            attribute(json, "service.name", "acme-support-rag");
            attribute(json, "openinference.project.name", "acme-support-rag");
            attribute(json, "telemetry.sdk.language", "nodejs");
            json.writeEndArray();
            json.writeEndObject();
            json.writeArrayFieldStart("scopeSpans");
            json.writeStartObject();
            scope(json, "acme-rag-app", "1.0.0");
            json.writeArrayFieldStart("spans");
            chain(json, traceId, rootId, start, question, answer, session, user);
            if (spanCount > 1) {
                retriever(json, traceId, rootId, start, question, documents, documentIds);
            }
            json.writeEndArray();
            json.writeEndObject();
            if (spanCount > 2) {
                json.writeStartObject();
                scope(json, "@arizeai/openinference-instrumentation-openai", "4.2.7");
                json.writeArrayFieldStart("spans");
                llm(json, traceId, rootId, start, question, documents, documentIds, answer, session, user);
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private void chain(JsonGenerator json, String traceId, String rootId, long start, String question,
                       String answer, String session, String user) throws IOException {
        spanStart(json, traceId, rootId, null, "rag_pipeline", start, start + 1_800_000_000L);
        attribute(json, "openinference.span.kind", "CHAIN");
        attribute(json, "input.value", question);
        attribute(json, "input.mime_type", "text/plain");
        attribute(json, "output.value", answer);
        attribute(json, "output.mime_type", "text/plain");
        attribute(json, "session.id", session);
        attribute(json, "user.id", user);
        attribute(json, "metadata", "{\"channel\":\"web\",\"locale\":\"en-US\",\"app_version\":\"2.4.1\"}");
        spanEnd(json, 1);
    }

    private void retriever(JsonGenerator json, String traceId, String rootId, long start, String question,
                           String[] documents, String[] documentIds) throws IOException {
        spanStart(json, traceId, hex(random.nextLong()), rootId, "retrieve_documents", start + 10_000_000L, start + 180_000_000L);
        attribute(json, "openinference.span.kind", "RETRIEVER");
        attribute(json, "input.value", question);
        for (int i = 0; i < documents.length; i++) {
            String prefix = "retrieval.documents." + i + ".document.";
            attribute(json, prefix + "id", documentIds[i]);
            attribute(json, prefix + "content", documents[i]);
            attributeDouble(json, prefix + "score", Math.round(random.nextDouble() * 1000) / 1000.0);
            attribute(json, prefix + "metadata", "{\"source\":\"policies/doc-" + random.nextInt(500) + ".md\"}");
        }
        spanEnd(json, 0);
    }

    private void llm(JsonGenerator json, String traceId, String rootId, long start, String question, String[] documents,
                     String[] documentIds, String answer, String session, String user) throws IOException {
        String context = String.join("\n", documents);
        String userMessage = TEMPLATE.replace("{context}", context).replace("{question}", question);
        spanStart(json, traceId, hex(random.nextLong()), rootId, "OpenAI Chat Completions", start + 200_000_000L,
                start + 1_700_000_000L);
        attribute(json, "openinference.span.kind", "LLM");
        attribute(json, "llm.model_name", "gpt-4o-mini-2024-07-18");
        attribute(json, "llm.provider", "openai");
        attribute(json, "llm.system", "openai");
        attribute(json, "llm.invocation_parameters", "{\"model\":\"gpt-4o-mini\",\"temperature\":0,\"max_tokens\":300}");
        attribute(json, "llm.prompt_template.template", TEMPLATE);
        attribute(json, "llm.prompt_template.version", "rag-answer-v3");
        attribute(json, "llm.prompt_template.variables", "{\"question\":" + quoted(question) + ",\"context\":["
                + quoted(documentIds[0]) + "," + quoted(documentIds[1]) + "," + quoted(documentIds[2]) + "]}");
        message(json, "llm.input_messages.0", "system", SYSTEM);
        message(json, "llm.input_messages.1", "user", userMessage);
        if (random.nextBoolean()) {
            message(json, "llm.input_messages.2", "assistant", "Let me look that up for you.");
            message(json, "llm.input_messages.3", "user", "Please be brief.");
        }
        message(json, "llm.output_messages.0", "assistant", answer);
        attribute(json, "input.mime_type", "application/json");
        attribute(json, "output.value", "{\"id\":\"chatcmpl-" + hex(random.nextLong()) + "\",\"model\":\"gpt-4o-mini-2024-07-18\","
                + "\"choices\":[{\"index\":0,\"finish_reason\":\"stop\"}]}");
        attribute(json, "output.mime_type", "application/json");
        long prompt = 380 + random.nextInt(200);
        long completion = 40 + random.nextInt(80);
        attributeInt(json, "llm.token_count.prompt", prompt);
        attributeInt(json, "llm.token_count.completion", completion);
        attributeInt(json, "llm.token_count.total", prompt + completion);
        attribute(json, "session.id", session);
        attribute(json, "user.id", user);
        spanEnd(json, 1);
    }

    private static void message(JsonGenerator json, String prefix, String role, String content) throws IOException {
        attribute(json, prefix + ".message.role", role);
        attribute(json, prefix + ".message.content", content);
    }

    private static void scope(JsonGenerator json, String name, String version) throws IOException {
        json.writeObjectFieldStart("scope");
        json.writeStringField("name", name);
        json.writeStringField("version", version);
        json.writeEndObject();
    }

    private static void spanStart(JsonGenerator json, String traceId, String spanId, String parentId, String name,
                                  long startNs, long endNs) throws IOException {
        json.writeStartObject();
        json.writeStringField("traceId", traceId);
        json.writeStringField("spanId", spanId);
        if (parentId != null) {
            json.writeStringField("parentSpanId", parentId);
        }
        json.writeStringField("name", name);
        json.writeNumberField("kind", 1);
        json.writeStringField("startTimeUnixNano", Long.toString(startNs));
        json.writeStringField("endTimeUnixNano", Long.toString(endNs));
        json.writeArrayFieldStart("attributes");
    }

    private static void spanEnd(JsonGenerator json, int statusCode) throws IOException {
        json.writeEndArray();
        json.writeNumberField("droppedAttributesCount", 0);
        json.writeArrayFieldStart("events");
        json.writeEndArray();
        json.writeObjectFieldStart("status");
        json.writeNumberField("code", statusCode);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void attribute(JsonGenerator json, String key, String value) throws IOException {
        json.writeStartObject();
        json.writeStringField("key", key);
        json.writeObjectFieldStart("value");
        json.writeStringField("stringValue", value);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void attributeInt(JsonGenerator json, String key, long value) throws IOException {
        json.writeStartObject();
        json.writeStringField("key", key);
        json.writeObjectFieldStart("value");
        json.writeNumberField("intValue", value);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void attributeDouble(JsonGenerator json, String key, double value) throws IOException {
        json.writeStartObject();
        json.writeStringField("key", key);
        json.writeObjectFieldStart("value");
        json.writeNumberField("doubleValue", value);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private String paragraph(int length) {
        StringBuilder text = new StringBuilder(length + 100);
        while (text.length() < length) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(sentence(6, 16));
        }
        return text.substring(0, length);
    }

    private String sentence(int minWords, int maxWords) {
        int words = minWords + random.nextInt(maxWords - minWords + 1);
        StringBuilder sentence = new StringBuilder(words * 8);
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (i == 0) {
                sentence.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                sentence.append(' ').append(word);
            }
        }
        return sentence.append('.').toString();
    }

    private static String hex(long value) {
        return String.format("%016x", value);
    }

    /** Keeps the generator from closing the file after each line. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

}
