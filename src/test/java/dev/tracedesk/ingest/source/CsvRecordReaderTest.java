package dev.tracedesk.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    private static List<CsvRecordReader.CsvRecord> records(byte[] bytes, int max) throws IOException {
        CsvRecordReader reader = new CsvRecordReader(new ByteArrayInputStream(bytes), max);
        List<CsvRecordReader.CsvRecord> records = new ArrayList<>();
        CsvRecordReader.CsvRecord record;
        while ((record = reader.next()) != null) {
            records.add(record);
        }
        return records;
    }

    private static List<CsvRecordReader.CsvRecord> records(String text) throws IOException {
        return records(text.getBytes(StandardCharsets.UTF_8), 1 << 20);
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
        List<CsvRecordReader.CsvRecord> records = records(
                "\uFEFFa,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"line1\r\nline2\nline3\"\r\nplain,,last\n");
        assertThat(records).extracting(CsvRecordReader.CsvRecord::fields).containsExactly(
                List.of("a", "b", "c"),
                List.of("x, y", "say \"hi\"", "line1\r\nline2\nline3"),
                List.of("plain", "", "last"));
        assertThat(records).extracting(CsvRecordReader.CsvRecord::lineNumber).containsExactly(1L, 2L, 5L);
        assertThat(records.get(1).rawText()).isEqualTo("\"x, y\",\"say \"\"hi\"\"\",\"line1\r\nline2\nline3\"");
    }

    @Test
    void theLastRecordNeedsNoLineBreakAndBlankLinesAreBlank() throws IOException {
        List<CsvRecordReader.CsvRecord> records = records("a\n\nb");
        assertThat(records).extracting(CsvRecordReader.CsvRecord::isBlank).containsExactly(false, true, false);
        assertThat(records.get(2).fields()).containsExactly("b");
    }

    @Test
    void anUnclosedQuoteIsReportedWithTheRestOfTheFile() throws IOException {
        List<CsvRecordReader.CsvRecord> records = records("a,b\n\"open,x\nmore");
        assertThat(records).hasSize(2);
        assertThat(records.get(1).ok()).isFalse();
        assertThat(records.get(1).problem()).contains("never closed");
        assertThat(records.get(1).rawText()).isEqualTo("\"open,x\nmore");
    }

    @Test
    void invalidUtf8CostsOnlyItsRecord() throws IOException {
        byte[] bytes = {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n', 'c', '\n'};
        List<CsvRecordReader.CsvRecord> records = records(bytes, 1 << 20);
        assertThat(records).extracting(CsvRecordReader.CsvRecord::ok).containsExactly(true, false, true);
        assertThat(records.get(1).problem()).contains("not valid UTF-8");
        assertThat(records.get(1).lineNumber()).isEqualTo(2L);
        assertThat(records.get(2).fields()).containsExactly("c");
    }

    @Test
    void anOverLongRecordIsReportedAndReadingGoesOn() throws IOException {
        String longField = "y".repeat(500);
        List<CsvRecordReader.CsvRecord> records = records(("a\n" + longField + "\nb\n").getBytes(StandardCharsets.UTF_8), 100);
        assertThat(records).extracting(CsvRecordReader.CsvRecord::ok).containsExactly(true, false, true);
        assertThat(records.get(1).problem()).contains("501 bytes, longer than the 100-byte limit");
        assertThat(records.get(2).fields()).containsExactly("b");
    }

    @Test
    void aCutHeaderSplitsLeniently() {
        assertThat(CsvRecordReader.splitLenient("q,\"[echo] Q: {{q}}")).containsExactly("q", "[echo] Q: {{q}}");
    }
}
