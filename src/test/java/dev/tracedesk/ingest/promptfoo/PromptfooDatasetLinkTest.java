package dev.tracedesk.ingest.promptfoo;

import static dev.tracedesk.ingest.promptfoo.PromptfooFiles.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.ingest.model.CanonicalEvalCase;
import dev.tracedesk.ingest.model.DatasetRef;

/** The dataset link a Tracedesk export puts in each promptfoo test's metadata, as the importer reads it back. */
class PromptfooDatasetLinkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PromptfooResultMapper mapper = new PromptfooResultMapper(PromptTemplates.empty(),
            new CaseKeyAssigner());

    private CanonicalEvalCase map(String testCaseMetadata, String resultMetadata) throws IOException {
        JsonNode result = JSON.readTree(json("{'testIdx':0,'provider':{'id':'echo'},'success':true,"
                + "'testCase':{'vars':{'q':'a'}" + (testCaseMetadata == null ? "" : ",'metadata':" + testCaseMetadata)
                + "},'metadata':" + (resultMetadata == null ? "{}" : resultMetadata) + "}"));
        return mapper.map(result);
    }

    @Test
    void theTestsMetadataGivesTheItemKeyAndTheVersionWithoutTheHashPrefix() throws IOException {
        CanonicalEvalCase evalCase = map(json("{'caseKey':'x','tracedeskDataset':'golden','tracedeskDatasetVersion':3,"
                + "'tracedeskContentHash':'sha256:abc','tracedeskItemKey':'case-1'}"), null);

        assertThat(evalCase.datasetItemKey).isEqualTo("case-1");
        assertThat(evalCase.dataset).isEqualTo(new DatasetRef("golden", 3, "abc"));
    }

    @Test
    void fromACsvTestsFileTheVersionIsAString() throws IOException {
        CanonicalEvalCase evalCase = map(json("{'tracedeskDataset':'golden','tracedeskDatasetVersion':'3',"
                + "'tracedeskContentHash':'sha256:abc','tracedeskItemKey':'case-1'}"), null);

        assertThat(evalCase.dataset).isEqualTo(new DatasetRef("golden", 3, "abc"));
    }

    @Test
    void theResultsMergedMetadataIsReadWhenTheTestCaseHasNone() throws IOException {
        CanonicalEvalCase evalCase = map(null, json("{'http':{'status':200},'tracedeskDataset':'golden',"
                + "'tracedeskItemKey':'case-2'}"));

        assertThat(evalCase.datasetItemKey).isEqualTo("case-2");
        assertThat(evalCase.dataset).isEqualTo(new DatasetRef("golden", null, null));
    }

    @Test
    void aHashPromptfooRedactedIsDroppedSoNameAndVersionStillLink() throws IOException {
        CanonicalEvalCase evalCase = map(json("{'tracedeskDataset':'golden','tracedeskDatasetVersion':3,"
                + "'tracedeskContentHash':'[REDACTED]','tracedeskItemKey':'case-1'}"), null);

        assertThat(evalCase.dataset).isEqualTo(new DatasetRef("golden", 3, null));
    }

    @Test
    void aTestWithoutAnItemKeyLinksNothing() throws IOException {
        assertThat(map(json("{'tracedeskDataset':'golden'}"), null).dataset).isNull();
        CanonicalEvalCase plain = map(null, null);
        assertThat(plain.datasetItemKey).isNull();
        assertThat(plain.dataset).isNull();
    }
}
