package dev.tracedesk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.tracedesk.ingest.otlp.OtlpBareParse;
import dev.tracedesk.ingest.otlp.SyntheticOtlpGenerator;

/**
 * The import benchmark of issue 3: generates synthetic OTLP JSONL in the OpenInference dialect
 * (CHAIN root, RETRIEVER with 3 documents, LLM call with messages, template and tokens), times a
 * bare Jackson streaming parse of it, then times the real import as a user runs it — the
 * {@code ./tracedesk} launcher (a fresh JVM with its class-data archive) with {@code -Xmx256m},
 * {@code import}, process start to exit — and prints spans/s, MB/s, the peak heap and the ratio
 * to the bare parse. The launcher runs once before the timing so that no build is timed.
 *
 * <pre>./mvnw -q -DskipTests package
 * ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=dev.tracedesk.bench.ImportBenchmark \
 *     -Dexec.args="--spans 200000"</pre>
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long spans = 200_000;
        String heap = "256m";
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "tracedesk-bench");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--spans" -> spans = Long.parseLong(args[i + 1]);
                case "--xmx" -> heap = args[i + 1];
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path jar = Path.of("target/tracedesk.jar").toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Build the app first: ./mvnw -q -DskipTests package");
        }
        Files.createDirectories(dir);
        Path file = dir.resolve("otlp-openinference-" + spans + ".jsonl");
        if (!Files.isRegularFile(file)) {
            System.out.printf("generating %,d spans into %s …%n", spans, file);
            new SyntheticOtlpGenerator(1).write(file, spans);
        }
        double megabytes = Files.size(file) / 1e6;

        long start = System.nanoTime();
        long tokens = OtlpBareParse.countTokens(file);
        double bareSeconds = (System.nanoTime() - start) / 1e9;

        Path workspace = dir.resolve("ws-" + System.nanoTime());
        Path launcher = Path.of("tracedesk").toAbsolutePath();
        Path stderr = dir.resolve("import.err");
        launch(launcher, heap, stderr, "--version").waitFor();
        start = System.nanoTime();
        Process process = launch(launcher, heap, stderr, "import", "--db", workspace.toString(), "--json",
                "--report-memory", file.toString());
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the import did not finish in 30 minutes");
        }
        double importSeconds = (System.nanoTime() - start) / 1e9;
        String errors = Files.readString(stderr);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("import exited " + process.exitValue() + ": " + errors);
        }
        JsonNode summary = new ObjectMapper().readTree(stdout).get("files").get(0);
        Matcher peak = Pattern.compile("peak heap: ([0-9.]+) MB").matcher(errors);

        System.out.printf("file              %s (%.1f MB, %,d spans, %,d JSON tokens)%n", file.getFileName(), megabytes, spans, tokens);
        System.out.printf("bare parse        %.2f s (%.0f MB/s)%n", bareSeconds, megabytes / bareSeconds);
        System.out.printf("import (-Xmx%s)  %.2f s, process start to exit%n", heap, importSeconds);
        System.out.printf("  records         read %,d, imported %,d, rejected %,d%n", summary.get("read").asLong(),
                summary.get("imported").asLong(), summary.get("rejected").asLong());
        System.out.printf("  throughput      %,.0f spans/s, %.1f MB/s%n", spans / importSeconds, megabytes / importSeconds);
        System.out.printf("  peak heap       %s MB%n", peak.find() ? peak.group(1) : "?");
        System.out.printf("ratio             %.2f x the bare parse (target: at most 3)%n", importSeconds / bareSeconds);
        System.out.printf("workspace         %s (%.1f MB)%n", workspace, Files.size(Path.of(workspace + ".mv.db")) / 1e6);
    }

    private static Process launch(Path launcher, String heap, Path stderr, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("TRACEDESK_JAVA_OPTS", "-Xmx" + heap);
        return builder.start();
    }

    static void deleteQuietly(Path path) throws IOException {
        Files.deleteIfExists(path);
    }
}
