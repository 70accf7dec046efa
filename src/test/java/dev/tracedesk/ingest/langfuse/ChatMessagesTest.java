package dev.tracedesk.ingest.langfuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CanonicalMessage;
import dev.tracedesk.ingest.model.MessageDirection;
import dev.tracedesk.ingest.source.JsonValues;

/** The message shapes integrations hand Langfuse that the fixtures do not already show. */
class ChatMessagesTest {

    private static JsonNode json(String text) throws Exception {
        return JsonValues.MAPPER.readTree(text);
    }

    private static List<CanonicalMessage> output(String json) throws Exception {
        return ChatMessages.read(json(json), MessageDirection.OUTPUT, "assistant");
    }

    @Test
    void anOpenAiResponseGivesOneMessagePerChoiceWithItsFinishReason() throws Exception {
        assertThat(output("{\"id\":\"chatcmpl-1\",\"choices\":[{\"index\":0,\"finish_reason\":\"length\","
                + "\"message\":{\"role\":\"assistant\",\"content\":\"Par\"}}]}"))
                .extracting(CanonicalMessage::role, CanonicalMessage::content, CanonicalMessage::finishReason)
                .containsExactly(tuple("assistant", "Par", "length"));
    }

    @Test
    void langChainMessagesTakeTheirRoleFromTheirType() throws Exception {
        List<CanonicalMessage> messages = ChatMessages.read(json(
                "[{\"type\":\"system\",\"content\":\"Be terse.\"},{\"type\":\"human\",\"content\":\"Hi\"},{\"type\":\"ai\",\"content\":\"Hello\"}]"),
                MessageDirection.INPUT, null);
        assertThat(messages).extracting(CanonicalMessage::role).containsExactly("system", "user", "assistant");
    }

    @Test
    void anthropicToolUseBlocksAndTheOlderFunctionCallAreToolCalls() throws Exception {
        CanonicalMessage anthropic = output("{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Checking.\"},"
                + "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"get_weather\",\"input\":{\"city\":\"Oslo\"}}]}").get(0);
        assertThat(anthropic.content()).isEqualTo("Checking.");
        assertThat(anthropic.toolCallsJson()).isEqualTo("[{\"id\":\"toolu_1\",\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}]");
        CanonicalMessage legacy = output("{\"role\":\"assistant\",\"content\":null,"
                + "\"function_call\":{\"name\":\"lookup\",\"arguments\":\"{\\\"q\\\":1}\"}}").get(0);
        assertThat(legacy.toolCallsJson()).isEqualTo("[{\"id\":null,\"name\":\"lookup\",\"arguments\":\"{\\\"q\\\":1}\"}]");
        assertThat(ChatMessages.render(List.of(legacy))).isEqualTo("lookup({\"q\":1})");
    }

    @Test
    void geminiPartsAndImagePartsLeaveOnlyTheText() throws Exception {
        assertThat(ChatMessages.read(json("[{\"role\":\"user\",\"parts\":[{\"text\":\"What is this?\"},"
                + "{\"inline_data\":{\"mime_type\":\"image/png\"}}]}]"), MessageDirection.INPUT, null))
                .extracting(CanonicalMessage::content).containsExactly("What is this?");
        assertThat(ChatMessages.read(json("[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Describe\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AAA\"}}]}]"), MessageDirection.INPUT, null))
                .extracting(CanonicalMessage::content).containsExactly("Describe");
    }

    @Test
    void aListThatIsOnlyPartlyMessagesIsNoConversation() throws Exception {
        assertThat(ChatMessages.read(json("[{\"role\":\"user\",\"content\":\"hi\"},{\"query\":\"x\"}]"), MessageDirection.INPUT, "user"))
                .isEmpty();
        assertThat(ChatMessages.read(json("{\"query\":\"x\",\"top_k\":3}"), MessageDirection.INPUT, null)).isEmpty();
    }

    @Test
    void onlyAnLlmCallReadsABareStringOrContentObjectAsAMessage() throws Exception {
        assertThat(ChatMessages.read(json("\"plain\""), MessageDirection.INPUT, null)).isEmpty();
        assertThat(ChatMessages.read(json("\"plain\""), MessageDirection.INPUT, "user"))
                .extracting(CanonicalMessage::role, CanonicalMessage::content).containsExactly(tuple("user", "plain"));
        assertThat(output("{\"content\":\"Sure.\",\"finish_reason\":\"stop\"}"))
                .extracting(CanonicalMessage::role, CanonicalMessage::content, CanonicalMessage::finishReason)
                .containsExactly(tuple("assistant", "Sure.", "stop"));
    }
}
