package dev.tracedesk.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Lines as the readers see them, whether the fast paths (8 bytes at a time, plain ASCII) apply or not. */
class LineReaderTest {

    @Test
    void linesOfEveryLengthAcrossChunkBordersComeBackWhole() throws IOException {
        Random random = new Random(3);
        StringBuilder text = new StringBuilder();
        List<String> expected = new ArrayList<>();
        while (text.length() < 400_000) {
            StringBuilder line = new StringBuilder();
            int length = random.nextInt(random.nextBoolean() ? 20 : 20_000);
            for (int i = 0; i < length; i++) {
                line.append((char) ('a' + random.nextInt(26)));
            }
            expected.add(line.toString());
            text.append(line).append('\n');
        }

        assertThat(texts(text.toString().getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
    }

    @Test
    void anAsciiLineOffersItsBytesAndAnyOtherDoesNot() throws IOException {
        byte[] input = "{\"a\":1}\r\n{\"é\":2}\nplain\n".getBytes(StandardCharsets.UTF_8);
        LineReader lines = new LineReader(new ByteArrayInputStream(input));

        LineReader.Line first = lines.next();
        LineReader.AsciiBytes bytes = lines.asciiBytes();
        assertThat(first.text()).isEqualTo("{\"a\":1}");
        assertThat(new String(bytes.array(), bytes.offset(), bytes.length(), StandardCharsets.US_ASCII)).isEqualTo("{\"a\":1}");

        assertThat(lines.next().text()).isEqualTo("{\"é\":2}");
        assertThat(lines.asciiBytes()).isNull();

        assertThat(lines.next().text()).isEqualTo("plain");
        assertThat(lines.asciiBytes()).isNotNull();
        assertThat(lines.next()).isNull();
    }

    @Test
    void invalidUtf8IsStillReportedWithWhereItIs() throws IOException {
        byte[] input = {'o', 'k', '\n', 'a', 'b', (byte) 0xff, 'c', '\n'};
        LineReader lines = new LineReader(new ByteArrayInputStream(input));

        assertThat(lines.next().text()).isEqualTo("ok");
        LineReader.Line bad = lines.next();
        assertThat(bad.ok()).isFalse();
        assertThat(bad.problem()).isEqualTo("invalid UTF-8 at byte 3 of the line");
        assertThat(lines.asciiBytes()).isNull();
    }

    @Test
    void theByteOrderMarkIsSkippedAndTheRestIsAscii() throws IOException {
        byte[] input = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}', '\n'};
        LineReader lines = new LineReader(new ByteArrayInputStream(input));

        assertThat(lines.next().text()).isEqualTo("{}");
        assertThat(lines.asciiBytes().length()).isEqualTo(2);
    }

    @Test
    void newlinesAreFoundAtEveryPlaceOfAnEightByteStep() {
        for (int at = 0; at < 24; at++) {
            byte[] bytes = "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
            bytes[at] = '\n';
            assertThat(LineReader.indexOfNewline(bytes, 0, bytes.length)).isEqualTo(at);
            assertThat(LineReader.indexOfNewline(bytes, at + 1, bytes.length)).isEqualTo(bytes.length);
        }
        byte[] nearMisses = {0x0B, 0x09, (byte) 0x8A, 0x1A, 0x0A};
        assertThat(LineReader.indexOfNewline(nearMisses, 0, nearMisses.length)).isEqualTo(4);
    }

    @Test
    void aHighBitAnywhereMeansNotAscii() {
        for (int at = 0; at < 19; at++) {
            byte[] bytes = new byte[19];
            java.util.Arrays.fill(bytes, (byte) 'x');
            assertThat(LineReader.isAscii(bytes, 0, bytes.length)).isTrue();
            bytes[at] = (byte) 0xC3;
            assertThat(LineReader.isAscii(bytes, 0, bytes.length)).isFalse();
            assertThat(LineReader.isAscii(bytes, at + 1, bytes.length)).isTrue();
        }
    }

    private static List<String> texts(byte[] input) throws IOException {
        LineReader lines = new LineReader(new ByteArrayInputStream(input));
        List<String> texts = new ArrayList<>();
        for (LineReader.Line line = lines.next(); line != null; line = lines.next()) {
            texts.add(line.text());
        }
        return texts;
    }
}
