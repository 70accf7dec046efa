package dev.tracedesk.datasets.export;

import java.util.Arrays;

/** The formats a dataset version can be exported to, by the id the CLI and manifest use. */
public enum ExportFormat {
    OPENAI_CHAT("openai-chat"), OPENAI_EVALS("openai-evals"), PROMPTFOO("promptfoo"), PROMPTFOO_CSV("promptfoo-csv"),
    INSPECT("inspect"), HF_JSONL("hf-jsonl"), DPO("dpo"), CSV("csv");

    private final String id;

    ExportFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ExportFormat byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown export format: " + id));
    }
}
