package dev.tracedesk.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jooq.DSLContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.tracedesk.app.TracedeskCommand;
import dev.tracedesk.store.TestDatabases;
import dev.tracedesk.store.Workspace;
import dev.tracedesk.store.WorkspaceLocation;

/** A workspace on one engine, seeded by a test, and the command line run against it with {@code --db}. */
final class SeededWorkspaceCli implements AutoCloseable {

    private final WorkspaceLocation location;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    SeededWorkspaceCli(String engine, Path tempDir, Consumer<DSLContext> seed) {
        location = TestDatabases.freshLocation(engine, tempDir);
        try (Workspace workspace = Workspace.open(location)) {
            seed.accept(workspace.dsl());
        }
    }

    /** Runs {@code tracedesk ARGS --db <this workspace>}; output of earlier runs is discarded. */
    int run(String... args) {
        List<String> withDb = new ArrayList<>(List.of(args));
        withDb.add("--db");
        withDb.add(location.isH2() ? location.h2File().toString() : location.jdbcUrl());
        return runExactly(withDb.toArray(String[]::new));
    }

    /** Runs {@code tracedesk ARGS} as given, for commands that take no {@code --db}. */
    int runExactly(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return TracedeskCommand.newCommandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    WorkspaceLocation location() {
        return location;
    }

    /** The H2 file of this workspace (H2 only). */
    Path h2File() {
        return location.h2File();
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    JsonNode json() {
        try {
            // Decimals as written (0.00012 stays 0.00012), so tests can compare the JSON text exactly.
            return new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).readTree(out.toString());
        } catch (JsonProcessingException e) {
            throw new AssertionError("stdout is not one JSON document: " + out, e);
        }
    }

    @Override
    public void close() {
        TestDatabases.dropPostgresSchema(location);
    }
}
