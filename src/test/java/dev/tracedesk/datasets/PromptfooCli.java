package dev.tracedesk.datasets;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * The real promptfoo CLI, as {@code tools/fixtures} pins and installs it ({@code npm ci --prefix
 * tools/fixtures}), run by {@code node} from the PATH, offline: the environment and loopback guard
 * are those of tools/fixtures/README.md. Where it is not installed the test is skipped, unless
 * {@value #REQUIRE_VARIABLE} is set (CI sets it), where that is a failure.
 */
final class PromptfooCli {

    static final String REQUIRE_VARIABLE = "TRACEDESK_REQUIRE_PROMPTFOO";
    static final Path FIXTURES = Path.of("tools/fixtures");
    static final Path ENTRYPOINT = FIXTURES.resolve("node_modules/promptfoo/dist/src/entrypoint.js");
    static final Path LOOPBACK_GUARD = FIXTURES.resolve("lib/loopback-guard.cjs");
    private static final long TIMEOUT_SECONDS = 240;
    /** promptfoo's exit code when the eval ran and some tests failed. */
    private static final int SOME_TESTS_FAILED = 100;

    private PromptfooCli() {
    }

    /** Returns when node and promptfoo are there; else skips the test, or fails it when they are required. */
    static void requireInstalled() {
        String missing = !nodeRuns() ? "node (Node.js 20) is not on the PATH"
                : !Files.isRegularFile(ENTRYPOINT) ? "promptfoo is not installed (" + ENTRYPOINT + " is missing)"
                : null;
        if (missing == null) {
            return;
        }
        String how = missing + "; install it with: npm ci --prefix tools/fixtures";
        String required = System.getenv(REQUIRE_VARIABLE);
        if (required != null && !required.isBlank()) {
            fail(REQUIRE_VARIABLE + " is set but " + how);
        }
        Assumptions.abort(how + " (set " + REQUIRE_VARIABLE + "=1 to make this a failure)");
    }

    private static boolean nodeRuns() {
        try {
            Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * {@code promptfoo eval -c CONFIG -o OUTPUT --no-cache} in {@code dir}; fails the test, with
     * promptfoo's output, unless it ran (exit 0, or 100 when tests failed) and wrote the output.
     */
    static void eval(Path dir, Path config, Path output) throws IOException, InterruptedException {
        Path log = dir.resolve("promptfoo-" + output.getFileName() + ".log");
        List<String> command = new ArrayList<>(List.of("node", ENTRYPOINT.toAbsolutePath().toString(), "eval",
                "-c", config.toAbsolutePath().toString(), "-o", output.toAbsolutePath().toString(),
                "--no-cache", "--no-progress-bar", "--no-table", "--max-concurrency", "2"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        offline(builder.environment(), dir);
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail("promptfoo eval did not finish in " + TIMEOUT_SECONDS + " s: " + String.join(" ", command)
                    + "\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        int exit = process.exitValue();
        if ((exit != 0 && exit != SOME_TESTS_FAILED) || !Files.isRegularFile(output)) {
            fail("promptfoo eval exited with " + exit + (Files.isRegularFile(output) ? "" : " and wrote no " + output)
                    + ": " + String.join(" ", command) + "\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    /**
     * No proxies and none of the caller's OpenAI or promptfoo settings; telemetry, updates, sharing,
     * remote generation and the cache off; a throw-away config dir; a dummy key; and the loopback
     * guard, which refuses the one request promptfoo sends home even with telemetry off.
     */
    private static void offline(Map<String, String> env, Path dir) {
        env.keySet().removeIf(k -> k.matches("(?i)(https?_proxy|all_proxy|no_proxy|OPENAI_.*|PROMPTFOO_.*|NODE_OPTIONS)"));
        env.put("NO_PROXY", "127.0.0.1,localhost");
        // quoted: NODE_OPTIONS splits on spaces, and a checkout path may hold some
        env.put("NODE_OPTIONS", "--require \"" + LOOPBACK_GUARD.toAbsolutePath() + "\"");
        env.put("PROMPTFOO_DISABLE_TELEMETRY", "1");
        env.put("PROMPTFOO_DISABLE_UPDATE", "1");
        env.put("PROMPTFOO_DISABLE_SHARING", "1");
        env.put("PROMPTFOO_DISABLE_REMOTE_GENERATION", "true");
        env.put("PROMPTFOO_CACHE_ENABLED", "false");
        env.put("PROMPTFOO_CONFIG_DIR", dir.resolve(".promptfoo").toAbsolutePath().toString());
        env.put("OPENAI_API_KEY", "sk-mock-not-a-real-key");
    }
}
