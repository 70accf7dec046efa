package dev.tracedesk.datasets.export;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules OpenAI's chat fine-tuning format sets for one example. */
final class OpenAiChatRules {

    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

    private OpenAiChatRules() {
    }

    /** Why the conversation is not a valid example, or empty when it is. */
    static Optional<String> problem(List<ExportMessage> conversation) {
        for (ExportMessage m : conversation) {
            if (m.role() == null || !ROLES.contains(m.role())) {
                return Optional.of("unsupported role: " + m.role());
            }
            if (m.content() == null || m.content().isBlank()) {
                return Optional.of("empty content in a " + m.role() + " message");
            }
        }
        if (conversation.stream().noneMatch(m -> m.role().equals("user"))) {
            return Optional.of("no user message");
        }
        if (conversation.isEmpty() || !conversation.get(conversation.size() - 1).role().equals("assistant")) {
            return Optional.of("last message is not from the assistant");
        }
        return Optional.empty();
    }
}
