package dev.tracedesk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.ingest.generic.FieldMapping;
import dev.tracedesk.ingest.generic.FieldMappings;
import dev.tracedesk.ingest.source.JsonValues;
import dev.tracedesk.store.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Named field mappings for generic JSONL/CSV logs of LLM calls (import --mapping NAME). */
@Command(name = "mapping", description = "Save, list and show field mappings for generic JSONL/CSV logs of LLM calls.",
        subcommands = {MappingCommand.List.class, MappingCommand.Show.class, MappingCommand.Save.class})
public final class MappingCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Name a subcommand: list, show or save.");
    }

    @Command(name = "list", description = "List the saved mappings.")
    static final class List implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Option(names = "--json", description = "Print JSON only.")
        private boolean json;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            java.util.List<FieldMapping> mappings;
            try (Workspace open = workspace.open()) {
                mappings = new FieldMappings(open.dsl()).all();
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                java.util.List<JsonNode> documents = new java.util.ArrayList<>();
                for (FieldMapping mapping : mappings) {
                    documents.add(JsonValues.MAPPER.readTree(mapping.toJson()));
                }
                JsonOutput.write(out, Map.of("mappings", documents));
            } else if (mappings.isEmpty()) {
                out.println("No mappings yet. Save one: tracedesk mapping save NAME --field input=/prompt --field output=/completion");
            } else {
                mappings.forEach(mapping -> out.printf("%-24s %d fields%n", mapping.name(), mapping.fields().size()));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "Show one mapping as JSON.")
    static final class Show implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Parameters(paramLabel = "NAME")
        private String name;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            FieldMapping mapping;
            try (Workspace open = workspace.open()) {
                mapping = new FieldMappings(open.dsl()).find(name).orElseThrow(() ->
                        new ParameterException(spec.commandLine(), "No mapping named '" + name + "' (see: tracedesk mapping list)."));
            }
            JsonOutput.write(spec.commandLine().getOut(), JsonValues.MAPPER.readTree(mapping.toJson()));
            return ExitCodes.OK;
        }
    }

    @Command(name = "save", description = "Save (or replace) a mapping: from a JSON file, or from --field options."
            + " Fields: traceId spanId parentSpanId name startTime endTime latencyMs provider requestedModel servedModel"
            + " input inputMessages output inputTokens outputTokens totalTokens costUsd error promptTemplateName"
            + " promptTemplateVersion parameters sessionId userId. A source is a JSON pointer (/usage/prompt_tokens),"
            + " a top-level key, or a CSV column name.")
    static final class Save implements Callable<Integer> {
        @Mixin
        private WorkspaceOption workspace;
        @Parameters(paramLabel = "NAME")
        private String name;
        @ArgGroup(exclusive = true, multiplicity = "1")
        private Definition definition;
        @Spec
        private CommandSpec spec;

        static final class Definition {
            @Option(names = "--from", paramLabel = "FILE", description = "A JSON file {\"fields\": {\"input\": \"/prompt\", …}}.")
            Path file;
            @Option(names = "--field", paramLabel = "FIELD=SOURCE", description = "One field (repeat).")
            Map<String, String> fields;
        }

        @Override
        public Integer call() throws IOException {
            ObjectNode json = JsonValues.MAPPER.createObjectNode();
            if (definition.file != null) {
                JsonNode document = JsonValues.MAPPER.readTree(Files.readString(definition.file));
                json.set("fields", document.path("fields"));
            } else {
                ObjectNode fields = json.putObject("fields");
                new LinkedHashMap<>(definition.fields).forEach(fields::put);
            }
            json.put("name", name);
            FieldMapping mapping;
            try {
                mapping = FieldMapping.fromJson(json);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Mapping '" + name + "': " + e.getMessage());
            }
            java.util.List<String> problems = mapping.problems();
            if (!problems.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "Mapping '" + name + "': " + String.join("; ", problems));
            }
            try (Workspace open = workspace.open()) {
                new FieldMappings(open.dsl()).save(mapping);
            }
            spec.commandLine().getOut().printf("Saved mapping '%s' (%d fields). Import with: tracedesk import --mapping %s FILE%n",
                    name, mapping.fields().size(), name);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
