package dev.tracedesk.datasets.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One JSON line per item for the JSONL formats. Keys are written in a fixed order. */
final class JsonlRecords {

    private JsonlRecords() {
    }

    static Mapped<ObjectNode> map(ExportFormat format, ExportItem item) {
        return switch (format) {
            case OPENAI_CHAT -> openAiChat(item);
            case OPENAI_EVALS -> openAiEvals(item);
            case INSPECT -> inspect(item);
            case HF_JSONL -> hf(item);
            case DPO -> dpo(item);
            default -> throw new IllegalArgumentException(format + " is not a JSONL format");
        };
    }

    private static Mapped<ObjectNode> openAiChat(ExportItem item) {
        if (item.expectedOutput() == null) {
            return Mapped.skip("no expected output");
        }
        List<ExportMessage> conversation = new ArrayList<>(item.inputMessages());
        conversation.add(new ExportMessage("assistant", item.expectedOutput()));
        Optional<String> problem = OpenAiChatRules.problem(conversation);
        if (problem.isPresent()) {
            return Mapped.skip(problem.get());
        }
        ObjectNode node = ExportJson.object();
        node.set("messages", ExportJson.messages(conversation));
        return Mapped.of(node);
    }

    private static Mapped<ObjectNode> openAiEvals(ExportItem item) {
        if (item.expectedOutput() == null) {
            return Mapped.skip("no expected output");
        }
        if (item.inputMessages().isEmpty()) {
            return Mapped.skip("no input");
        }
        ObjectNode node = ExportJson.object();
        node.set("input", ExportJson.messages(item.inputMessages()));
        node.put("ideal", item.expectedOutput());
        return Mapped.of(node);
    }

    private static Mapped<ObjectNode> inspect(ExportItem item) {
        if (item.inputMessages().isEmpty()) {
            return Mapped.skip("no input");
        }
        ObjectNode node = ExportJson.object().put("id", item.itemKey());
        if (item.messages().isEmpty()) {
            node.put("input", item.prompt());
        } else {
            node.set("input", ExportJson.messages(item.messages()));
        }
        node.put("target", item.expectedOutput() == null ? "" : item.expectedOutput());
        node.set("metadata", ExportJson.value(item.metadata()));
        return Mapped.of(node);
    }

    private static Mapped<ObjectNode> hf(ExportItem item) {
        ObjectNode node = ExportJson.object().put("id", item.itemKey()).put("split", item.split());
        if (!item.messages().isEmpty()) {
            node.set("messages", ExportJson.messages(item.messages()));
        }
        if (item.prompt() != null) {
            node.put("prompt", item.prompt());
        }
        node.put("output", item.expectedOutput());
        node.set("metadata", ExportJson.value(item.metadata()));
        return Mapped.of(node);
    }

    private static Mapped<ObjectNode> dpo(ExportItem item) {
        if (item.expectedOutput() == null) {
            return Mapped.skip("no correction");
        }
        if (item.originalOutput() == null) {
            return Mapped.skip("no original output");
        }
        if (item.expectedOutput().equals(item.originalOutput())) {
            return Mapped.skip("correction equals the original output");
        }
        if (item.inputMessages().isEmpty()) {
            return Mapped.skip("no input");
        }
        ObjectNode node = ExportJson.object();
        if (item.prompt() != null) {
            node.put("prompt", item.prompt());
        } else {
            node.set("prompt", ExportJson.messages(item.messages()));
        }
        node.put("chosen", item.expectedOutput()).put("rejected", item.originalOutput());
        return Mapped.of(node);
    }
}
