package dev.tracedesk.datasets.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void plantedSecretsAreMaskedAndCountedPerRule() {
        Redactor r = Redactor.defaults();
        String text = String.join("\n",
                "key sk-proj-abcdefghijklmnopqrstuvwx12 and AKIAIOSFODNN7EXAMPLE",
                "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.abc.def",
                "mail ana@example.com or first.last+tag@mail.example.co.uk",
                "cards 4111 1111 1111 1111, 5500-0000-0000-0004 and bad 4111 1111 1111 1112",
                "digits 1234567812345678 stay",
                "iban GB82 WEST 1234 5698 7654 32 and DE89370400440532013000, bad GB82 WEST 1234 5698 7654 33",
                "phones +1 415-555-0132, (020) 7946 0958, +44 20 7946 0958",
                "order 12345678 on 2026-11-27, version 1.2.3");

        String out = r.redact(text);

        assertThat(out).isEqualTo(String.join("\n",
                "key [REDACTED:api-key] and [REDACTED:api-key]",
                "Authorization: [REDACTED:bearer-token]",
                "mail [REDACTED:email] or [REDACTED:email]",
                "cards [REDACTED:card-number], [REDACTED:card-number] and bad 4111 1111 1111 1112",
                "digits 1234567812345678 stay",
                "iban [REDACTED:iban] and [REDACTED:iban], bad GB82 WEST 1234 5698 7654 33",
                "phones [REDACTED:phone], [REDACTED:phone], [REDACTED:phone]",
                "order 12345678 on 2026-11-27, version 1.2.3"));
        assertThat(r.counts()).containsExactly(
                Map.entry("api-key", 2),
                Map.entry("bearer-token", 1),
                Map.entry("card-number", 2),
                Map.entry("email", 2),
                Map.entry("iban", 2),
                Map.entry("phone", 3));
    }

    @Test
    void checksumsDecideCardsAndIbans() {
        assertThat(BuiltInRules.luhnOk("4111 1111 1111 1111")).isTrue();
        assertThat(BuiltInRules.luhnOk("4111 1111 1111 1112")).isFalse();
        assertThat(BuiltInRules.luhnOk("4111")).isFalse();
        assertThat(BuiltInRules.ibanOk("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(BuiltInRules.ibanOk("GB82 WEST 1234 5698 7654 33")).isFalse();
    }

    @Test
    void customRulesRunAfterTheBuiltInsAndCountUnderTheirName() {
        Redactor r = Redactor.defaultsPlus(List.of(RedactionRule.custom("ticket", "TICKET-\\d+")));

        assertThat(r.redact("see TICKET-123 and TICKET-9 from ana@example.com"))
                .isEqualTo("see [REDACTED:ticket] and [REDACTED:ticket] from [REDACTED:email]");
        assertThat(r.counts()).containsEntry("ticket", 2).containsEntry("email", 1);
    }

    @Test
    void noRulesLeavesTextAlone() {
        Redactor r = Redactor.none();
        assertThat(r.redact("ana@example.com")).isEqualTo("ana@example.com");
        assertThat(r.counts()).isEmpty();
    }

    @Test
    void aCatastrophicCustomPatternStopsTheExportInsteadOfHanging() {
        // Java memoizes some nested loops, so (a+)+$ is only polynomial here: seconds on 5,000 characters,
        // well over a small budget, which keeps the test quick and independent of the machine's speed
        Redactor r = new Redactor(List.of(RedactionRule.custom("slow", "(a+)+$")), 50);
        String evil = "a".repeat(5_000) + "!";

        long start = System.nanoTime();
        assertThatThrownBy(() -> r.redact(evil)).isInstanceOf(Redactor.RedactionException.class)
                .hasMessageContaining("'slow'");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_500);
    }

    @Test
    void overLongTextIsRefused() {
        assertThatThrownBy(() -> Redactor.defaults().redact("x".repeat(Redactor.MAX_TEXT_CHARS + 1)))
                .isInstanceOf(Redactor.RedactionException.class);
    }

    @Test
    void ruleNamesAreSafeForTheMask() {
        assertThatThrownBy(() -> RedactionRule.custom("bad name]", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
