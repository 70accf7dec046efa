package dev.tracedesk.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SampleDataCatalogTest {

    @Test
    void copiesKeepTheirNamesAndContentInIndexOrder() throws Exception {
        List<Path> copies = new SampleDataCatalog("/sample-data-importable/").copyToTemporaryFolder();

        assertThat(copies).extracting(path -> path.getFileName().toString())
                .containsExactly("rag-traces.jsonl", "run-two.jsonl");
        assertThat(copies.get(1).getParent().getFileName().toString()).isEqualTo("evals");
        assertThat(Files.readString(copies.get(0))).startsWith("{\"script\":1}");
    }

    @Test
    void filesTheIndexListsButTheBuildLacksAreSkipped() throws Exception {
        assertThat(new SampleDataCatalog("/sample-data-fixture/").files()).hasSize(2);

        assertThat(new SampleDataCatalog("/sample-data-fixture/").copyToTemporaryFolder()).isEmpty();
    }

    @Test
    void noIndexMeansNoSampleData() throws Exception {
        assertThat(new SampleDataCatalog("/no-sample-data-here/").copyToTemporaryFolder()).isEmpty();
    }
}
