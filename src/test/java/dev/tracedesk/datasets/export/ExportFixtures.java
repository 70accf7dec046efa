package dev.tracedesk.datasets.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small set of items with the awkward characters every format must carry: quotes, newlines, ':' and '#', unicode. */
final class ExportFixtures {

    static final ExportSource SOURCE = new ExportSource("golden", 3, "sha256:abc123");

    static final String TRICKY = "Say \"hi\": # not a comment\n\tthen stop — ünïcode 日本 😀 line\u2028sep";

    private ExportFixtures() {
    }

    static ExportItem a() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("servedModel", "gpt-4o");
        metadata.put("template", Map.of("name", "support", "version", 3));
        metadata.put("sourceIds", List.of("span-1", "case-2"));
        metadata.put("reviewer", "ana");
        metadata.put("labelId", 42);
        return new ExportItem("a-1", "train",
                List.of(new ExportMessage("system", "You are terse."), new ExportMessage("user", TRICKY)),
                Map.of("question", "Q: #1 \"quoted\"\nline2", "lang", "fr"), null,
                "Hi — \"there\": # ok\n😀", "hello", metadata);
    }

    static ExportItem b() {
        return new ExportItem("b-2", "test", List.of(), Map.of(), "What is 2+2?", "4", "4", Map.of());
    }

    static ExportItem c() {
        return new ExportItem("c-3", "train", List.of(new ExportMessage("system", "sys only")), Map.of(), null,
                "x", "y", Map.of("reviewer", "bo"));
    }

    static ExportItem d() {
        return new ExportItem("d-4", "train", List.of(new ExportMessage("user", "q")), Map.of(), null, null, "o",
                Map.of());
    }

    static ExportItem e() {
        return new ExportItem("e-5", "validation",
                List.of(new ExportMessage("user", "q"), new ExportMessage("developer", "x")),
                Map.of("q", "v"), null, "ok", null, Map.of());
    }

    /** Deliberately out of item-key order. */
    static List<ExportItem> items() {
        return List.of(e(), c(), a(), d(), b());
    }

    static ExportOptions options() {
        return new ExportOptions(AssertionStyle.EQUALS, List.of(), "tracedesk 0.1.0-test");
    }
}
