package dev.tracedesk.ingest.promptfoo;

import static dev.tracedesk.ingest.promptfoo.PromptfooFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

class ExpectedOutputRuleTest {

    private static String expected(String vars, String asserts) throws IOException {
        return ExpectedOutputRule.expectedOutput(PromptfooFiles.tree(json(vars)), PromptfooFiles.tree(json(asserts)));
    }

    @Test
    void anExpectedVariableWinsOverAssertions() throws IOException {
        assertThat(expected("{'q':'a','expected':'Paris'}", "[{'type':'equals','value':'London'}]")).isEqualTo("Paris");
        assertThat(expected("{'expected_output':'Rome'}", "[]")).isEqualTo("Rome");
    }

    @Test
    void anEqualsAssertionBeatsContainsAssertions() throws IOException {
        assertThat(expected("{}", "[{'type':'contains','value':'Par'},{'type':'equals','value':'Paris'}]"))
                .isEqualTo("Paris");
    }

    @Test
    void twoDifferentValuesInTheWinningTierMeanNoExpectedOutput() throws IOException {
        assertThat(expected("{}", "[{'type':'contains','value':'a'},{'type':'icontains','value':'b'}]")).isNull();
        assertThat(expected("{}", "[{'type':'contains','value':'a'},{'type':'contains','value':'a'}]")).isEqualTo("a");
    }

    @Test
    void aReferenceBasedMetricCarriesTheReferenceText() throws IOException {
        assertThat(expected("{}", "[{'type':'similar','value':'the sky is blue','threshold':0.8},"
                + "{'type':'contains','value':'sky'}]")).isEqualTo("the sky is blue");
    }

    @Test
    void negatedModelGradedAndNonTextAssertionsSayNothing() throws IOException {
        assertThat(expected("{}", "[{'type':'not-equals','value':'x'},{'type':'llm-rubric','value':'polite'}]")).isNull();
        assertThat(expected("{}", "[{'type':'contains','value':['a','b']}]")).isNull();
    }

    @Test
    void aVariableReferenceIsReplacedByTheVariable() throws IOException {
        assertThat(expected("{'answer':'42'}", "[{'type':'equals','value':'{{ answer }}'}]")).isEqualTo("42");
    }

    @Test
    void assertSetsAreLookedInto() throws IOException {
        assertThat(expected("{}", "[{'type':'assert-set','assert':[{'type':'equals','value':'inside'}]}]"))
                .isEqualTo("inside");
    }
}
