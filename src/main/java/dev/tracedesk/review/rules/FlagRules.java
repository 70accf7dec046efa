package dev.tracedesk.review.rules;

import static dev.tracedesk.store.generated.Tables.FLAG_RULE;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The workspace's flag rules ({@code flag_rule}): names are unique (case-sensitive, trimmed), a
 * config is checked before it is stored, so only rules edited outside Tracedesk can be broken.
 */
public final class FlagRules {

    public static final int MAX_NAME_LENGTH = 200;

    private final DSLContext dsl;

    public FlagRules(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every rule, by name regardless of case. */
    public List<FlagRule> list() {
        return dsl.selectFrom(FLAG_RULE)
                .orderBy(DSL.lower(FLAG_RULE.NAME), FLAG_RULE.NAME)
                .fetch(FlagRules::rule);
    }

    public Optional<FlagRule> find(long id) {
        return dsl.selectFrom(FLAG_RULE).where(FLAG_RULE.ID.eq(id)).fetchOptional(FlagRules::rule);
    }

    public Optional<FlagRule> findByName(String name) {
        return dsl.selectFrom(FLAG_RULE).where(FLAG_RULE.NAME.eq(name.trim())).fetchOptional(FlagRules::rule);
    }

    /** @throws IllegalArgumentException when the name is empty, too long or taken */
    public FlagRule create(String name, RuleConfig config, boolean enabled) {
        String checked = checkName(name);
        String json = RuleConfigJson.write(config);
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            requireFree(tx, checked, null);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            long id = tx.insertInto(FLAG_RULE)
                    .set(FLAG_RULE.NAME, checked)
                    .set(FLAG_RULE.RULE_TYPE, config.type().name())
                    .set(FLAG_RULE.CONFIG_JSON, json)
                    .set(FLAG_RULE.ENABLED, enabled)
                    .set(FLAG_RULE.CREATED_AT, now)
                    .set(FLAG_RULE.UPDATED_AT, now)
                    .returning(FLAG_RULE.ID)
                    .fetchOne(FLAG_RULE.ID);
            return new FlagRule(id, checked, config.type().name(), json, enabled);
        });
    }

    /**
     * Replaces the rule's name, type, config and enabled flag. Items it put into review keep
     * their reasons as they were written.
     *
     * @return false when there is no rule with that id
     * @throws IllegalArgumentException when the name is empty, too long or taken by another rule
     */
    public boolean update(long id, String name, RuleConfig config, boolean enabled) {
        String checked = checkName(name);
        String json = RuleConfigJson.write(config);
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            requireFree(tx, checked, id);
            return tx.update(FLAG_RULE)
                    .set(FLAG_RULE.NAME, checked)
                    .set(FLAG_RULE.RULE_TYPE, config.type().name())
                    .set(FLAG_RULE.CONFIG_JSON, json)
                    .set(FLAG_RULE.ENABLED, enabled)
                    .set(FLAG_RULE.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                    .where(FLAG_RULE.ID.eq(id))
                    .execute() > 0;
        });
    }

    /** @return false when there is no rule with that id */
    public boolean setEnabled(long id, boolean enabled) {
        return dsl.update(FLAG_RULE)
                .set(FLAG_RULE.ENABLED, enabled)
                .set(FLAG_RULE.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(FLAG_RULE.ID.eq(id))
                .execute() > 0;
    }

    /** Review items the rule created stay, with their reasons. @return false when there was no such rule */
    public boolean delete(long id) {
        return dsl.deleteFrom(FLAG_RULE).where(FLAG_RULE.ID.eq(id)).execute() > 0;
    }

    private static String checkName(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("A rule needs a name.");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A rule name has at most " + MAX_NAME_LENGTH + " characters.");
        }
        return trimmed;
    }

    private static void requireFree(DSLContext tx, String name, Long exceptId) {
        var taken = FLAG_RULE.NAME.eq(name);
        if (exceptId != null) {
            taken = taken.and(FLAG_RULE.ID.ne(exceptId));
        }
        if (tx.fetchExists(FLAG_RULE, taken)) {
            throw new IllegalArgumentException("A rule named \u201c" + name + "\u201d already exists.");
        }
    }

    private static FlagRule rule(Record row) {
        return new FlagRule(row.get(FLAG_RULE.ID), row.get(FLAG_RULE.NAME), row.get(FLAG_RULE.RULE_TYPE),
                row.get(FLAG_RULE.CONFIG_JSON), row.get(FLAG_RULE.ENABLED));
    }
}
