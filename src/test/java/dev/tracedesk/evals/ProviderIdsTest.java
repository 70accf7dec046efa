package dev.tracedesk.evals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderIdsTest {

    @Test
    void anArrayOfIdsIsReadInOrderWithoutDuplicates() {
        assertThat(ProviderIds.parse("[\"openai:gpt-4o\",\"echo\",\"openai:gpt-4o\"]")).containsExactly("openai:gpt-4o", "echo");
    }

    @Test
    void objectsNameTheirProviderByIdElseByLabel() {
        assertThat(ProviderIds.parse("[{\"id\":\"openai:gpt-4o\",\"label\":\"big\"},{\"label\":\"small\"},{\"config\":{}}]"))
                .containsExactly("openai:gpt-4o", "small");
    }

    @Test
    void missingEmptyOrMalformedListsNameNoProvider() {
        assertThat(ProviderIds.parse(null)).isEmpty();
        assertThat(ProviderIds.parse("  ")).isEmpty();
        assertThat(ProviderIds.parse("[]")).isEmpty();
        assertThat(ProviderIds.parse("{\"id\":\"x\"}")).isEmpty();
        assertThat(ProviderIds.parse("[\"unterminated")).isEmpty();
    }
}
