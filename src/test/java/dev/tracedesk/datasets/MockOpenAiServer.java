package dev.tracedesk.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Just enough of OpenAI's {@code POST /v1/chat/completions} for promptfoo's {@code openai:chat:}
 * provider, on 127.0.0.1 and a free port. The answer is looked up by a word of the last message
 * (the first key of {@code answers} it contains), so a test decides what passes and what fails.
 * In Java rather than the Node mock of tools/fixtures so the test owns its answers and needs no
 * second process to start and stop.
 */
final class MockOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> answers;
    private final AtomicInteger calls = new AtomicInteger();

    MockOpenAiServer(Map<String, String> answers) throws IOException {
        this.answers = answers;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/chat/completions", this::complete);
        server.createContext("/", exchange -> reply(exchange, 404, "{\"error\":{\"message\":\"not mocked\"}}"));
        server.start();
    }

    /** The base URL promptfoo's {@code apiBaseUrl} takes. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int calls() {
        return calls.get();
    }

    private void complete(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        JsonNode request;
        try (InputStream in = exchange.getRequestBody()) {
            request = JSON.readTree(in);
        }
        JsonNode messages = request.path("messages");
        String prompt = messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("content").asText("");
        String answer = answers.entrySet().stream().filter(e -> prompt.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("I do not know.");
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-mock-" + calls.get());
        body.put("object", "chat.completion");
        body.put("created", 1_790_000_000L);
        body.put("model", request.path("model").asText("mock"));
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message").put("role", "assistant").put("content", answer);
        choice.put("finish_reason", "stop");
        int promptTokens = Math.max(1, prompt.length() / 4);
        int completionTokens = Math.max(1, answer.length() / 4);
        body.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        reply(exchange, 200, body.toString());
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
