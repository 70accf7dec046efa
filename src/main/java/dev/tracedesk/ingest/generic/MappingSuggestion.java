package dev.tracedesk.ingest.generic;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tracedesk.ingest.generic.FieldMapping.Field;
import dev.tracedesk.ingest.generic.FileSample.FoundField;

/**
 * A starting mapping guessed from field names, for the user to correct: "prompt_tokens" is
 * probably inputTokens. Names are compared without case, "_" or "-"; a candidate with a "/" must
 * end the field's path ("response/model" is the served model). An earlier candidate wins over a
 * later one, then the shallower field; each field of the file is used once.
 */
public final class MappingSuggestion {

    private static final Map<Field, List<String>> CANDIDATES = new EnumMap<>(Map.ofEntries(
            Map.entry(Field.TRACE_ID, List.of("traceid", "conversationid", "threadid")),
            Map.entry(Field.SPAN_ID, List.of("spanid", "id", "requestid", "callid")),
            Map.entry(Field.PARENT_SPAN_ID, List.of("parentspanid", "parentid")),
            Map.entry(Field.NAME, List.of("name", "route", "spanname")),
            Map.entry(Field.START_TIME, List.of("starttime", "startedat", "start", "createdat", "created", "timestamp")),
            Map.entry(Field.END_TIME, List.of("endtime", "endedat", "end", "completedat", "finishedat")),
            Map.entry(Field.LATENCY_MS, List.of("latencyms", "durationms", "latency", "elapsedms")),
            Map.entry(Field.PROVIDER, List.of("provider", "customllmprovider", "vendor")),
            Map.entry(Field.REQUESTED_MODEL, List.of("model", "requestedmodel", "requestmodel", "modelname")),
            Map.entry(Field.SERVED_MODEL, List.of("servedmodel", "responsemodel", "response/model")),
            Map.entry(Field.INPUT, List.of("prompt", "input", "question", "query")),
            Map.entry(Field.INPUT_MESSAGES, List.of("messages", "inputmessages")),
            Map.entry(Field.OUTPUT, List.of("completion", "output", "choices/0/message/content", "choices/0/text",
                    "answer", "response", "responsetext")),
            Map.entry(Field.INPUT_TOKENS, List.of("prompttokens", "inputtokens", "tokensin")),
            Map.entry(Field.OUTPUT_TOKENS, List.of("completiontokens", "outputtokens", "tokensout")),
            Map.entry(Field.TOTAL_TOKENS, List.of("totaltokens", "tokens")),
            Map.entry(Field.COST_USD, List.of("costusd", "cost", "responsecost", "totalcost")),
            Map.entry(Field.ERROR, List.of("error", "errorstr", "errormessage", "exception")),
            Map.entry(Field.PROMPT_TEMPLATE_NAME, List.of("prompttemplate", "templatename", "promptname")),
            Map.entry(Field.PROMPT_TEMPLATE_VERSION, List.of("promptversion", "templateversion")),
            Map.entry(Field.PARAMETERS, List.of("parameters", "params", "modelparameters", "optionalparams")),
            Map.entry(Field.SESSION_ID, List.of("sessionid", "session")),
            Map.entry(Field.USER_ID, List.of("userid", "user", "enduser"))));

    /** Fields whose value is a whole list or object; every other field wants a single value. */
    private static final Set<Field> TAKES_CONTAINERS = Set.of(Field.INPUT_MESSAGES, Field.PARAMETERS);

    private MappingSuggestion() {
    }

    /** For each canonical field the name suggests, the field of the file to read it from. */
    public static Map<Field, String> suggest(List<FoundField> found) {
        Map<Field, String> mapping = new EnumMap<>(Field.class);
        Set<String> used = new HashSet<>();
        for (Field field : Field.values()) {
            pick(field, found, used).ifPresent(source -> {
                mapping.put(field, source);
                used.add(source);
            });
        }
        return mapping;
    }

    /** A mapping name made from a file name: "litellm-calls.jsonl.gz" → "litellm-calls". */
    public static String nameFor(String fileName) {
        String base = fileName.replaceFirst("(?i)(\\.(jsonl|ndjson|json|csv|txt|log))?(\\.gz)?$", "");
        String name = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        name = name.length() > 100 ? name.substring(0, 100) : name;
        return name.isEmpty() ? "mapping" : name;
    }

    private static Optional<String> pick(Field field, List<FoundField> found, Set<String> used) {
        List<String> candidates = CANDIDATES.get(field);
        for (String candidate : candidates) {
            Optional<String> match = found.stream()
                    .filter(each -> !used.contains(each.source()))
                    .filter(each -> !each.container() || TAKES_CONTAINERS.contains(field))
                    .filter(each -> matches(each.source(), candidate))
                    .min(Comparator.comparingInt(each -> depth(each.source())))
                    .map(FoundField::source);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String source, String candidate) {
        String[] path = source.startsWith("/") ? source.substring(1).split("/") : new String[] {source};
        String[] wanted = candidate.split("/");
        if (wanted.length > path.length) {
            return false;
        }
        for (int i = 1; i <= wanted.length; i++) {
            if (!normalised(path[path.length - i]).equals(wanted[wanted.length - i])) {
                return false;
            }
        }
        return true;
    }

    private static String normalised(String name) {
        return name.replace("~1", "/").replace("~0", "~").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private static int depth(String source) {
        return source.split("/").length;
    }
}
