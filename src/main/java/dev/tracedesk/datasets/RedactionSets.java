package dev.tracedesk.datasets;

import static dev.tracedesk.store.generated.Tables.WORKSPACE_SETTING;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tracedesk.datasets.export.RedactionRule;
import dev.tracedesk.datasets.export.RedactionSet;

/**
 * Named redaction sets saved in the workspace (decision 0018), so a team exports with the same rules
 * every time: one {@code workspace_setting} row per set, key {@code redaction.set.NAME}, value
 * {@code {"builtIn":["email",…],"custom":[{"name":…,"pattern":…,"replacement":…}]}}. The CLI and the
 * export dialog both go through here: {@link #names()}, {@link #find}, {@link #save}, {@link #delete},
 * and {@link #choose} for what {@code --redact} means.
 */
public final class RedactionSets {

    public static final String KEY_PREFIX = "redaction.set.";

    /** Rules chosen for an export, and the name they were chosen by (for the manifest). */
    public record Choice(String name, List<RedactionRule> rules) {
        public Choice {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DSLContext dsl;
    private final Clock clock;

    public RedactionSets(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** The saved sets' names, sorted. */
    public List<String> names() {
        return dsl.select(WORKSPACE_SETTING.SETTING_KEY).from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.startsWith(KEY_PREFIX))
                .orderBy(WORKSPACE_SETTING.SETTING_KEY)
                .fetch(r -> r.value1().substring(KEY_PREFIX.length()));
    }

    /** Every saved set, by name. */
    public List<RedactionSet> all() {
        return names().stream().map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<RedactionSet> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String value = dsl.select(WORKSPACE_SETTING.SETTING_VALUE).from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(KEY_PREFIX + name.trim()))
                .fetchOne(WORKSPACE_SETTING.SETTING_VALUE);
        return value == null ? Optional.empty() : Optional.of(fromJson(name.trim(), value));
    }

    /** The saved set, or an error that lists the saved ones. */
    public RedactionSet load(String name) {
        return find(name).orElseThrow(() -> new DatasetException("No redaction set named \"" + name + "\"" + savedList()));
    }

    /** Saves the set, replacing a saved set of the same name. The set checked its rules when it was made. */
    public void save(RedactionSet set) {
        String key = KEY_PREFIX + set.name();
        String value = toJson(set);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        dsl.transaction(configuration -> {
            DSLContext tx = DSL.using(configuration);
            int updated = tx.update(WORKSPACE_SETTING).set(WORKSPACE_SETTING.SETTING_VALUE, value)
                    .set(WORKSPACE_SETTING.UPDATED_AT, now).where(WORKSPACE_SETTING.SETTING_KEY.eq(key)).execute();
            if (updated == 0) {
                tx.insertInto(WORKSPACE_SETTING).set(WORKSPACE_SETTING.SETTING_KEY, key)
                        .set(WORKSPACE_SETTING.SETTING_VALUE, value).set(WORKSPACE_SETTING.UPDATED_AT, now).execute();
            }
        });
    }

    /** Deletes a saved set; an unknown name is an error that lists the saved ones. */
    public void delete(String name) {
        int deleted = dsl.deleteFrom(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(KEY_PREFIX + (name == null ? "" : name.trim()))).execute();
        if (deleted == 0) {
            throw new DatasetException("No redaction set named \"" + name + "\"" + savedList());
        }
    }

    /**
     * What {@code --redact CHOICE} means: {@code none}, {@code default} (every built-in rule) or a
     * saved set's name; anything else is an error listing the choices.
     */
    public Choice choose(String choice) {
        String trimmed = choice == null ? "none" : choice.trim();
        switch (trimmed.toLowerCase(Locale.ROOT)) {
            case "none" -> {
                return new Choice("none", List.of());
            }
            case "default" -> {
                return new Choice("default", RedactionRule.builtIn());
            }
            default -> {
                RedactionSet set = find(trimmed).orElseThrow(() -> new DatasetException("--redact is none, default "
                        + "or a saved redaction set, not \"" + trimmed + "\"" + savedList()));
                return new Choice(set.name(), set.rules());
            }
        }
    }

    private String savedList() {
        List<String> names = names();
        return names.isEmpty() ? ". No sets are saved yet (tracedesk redaction save NAME …)."
                : ". Saved sets: " + String.join(", ", names) + ".";
    }

    static String toJson(RedactionSet set) {
        ObjectNode root = JSON.createObjectNode();
        set.builtIn().forEach(root.putArray("builtIn")::add);
        var custom = root.putArray("custom");
        for (RedactionSet.CustomRule rule : set.custom()) {
            ObjectNode node = custom.addObject().put("name", rule.name()).put("pattern", rule.pattern());
            if (rule.replacement() != null) {
                node.put("replacement", rule.replacement());
            }
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a stored set; a row edited by hand into something unusable is reported, not ignored. */
    static RedactionSet fromJson(String name, String value) {
        try {
            JsonNode root = JSON.readTree(value);
            List<String> builtIn = new ArrayList<>();
            root.path("builtIn").forEach(node -> builtIn.add(node.asText()));
            List<RedactionSet.CustomRule> custom = new ArrayList<>();
            root.path("custom").forEach(node -> custom.add(new RedactionSet.CustomRule(node.path("name").asText(null),
                    node.path("pattern").asText(null), node.path("replacement").asText(null))));
            return new RedactionSet(name, builtIn, custom);
        } catch (JsonProcessingException | IllegalArgumentException broken) {
            throw new DatasetException("The saved redaction set \"" + name + "\" cannot be read (" + broken.getMessage()
                    + "); save it again or delete it (tracedesk redaction delete " + name + ").");
        }
    }
}
