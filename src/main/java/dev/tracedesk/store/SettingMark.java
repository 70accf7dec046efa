package dev.tracedesk.store;

import static dev.tracedesk.store.generated.Tables.WORKSPACE_SETTING;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jooq.DSLContext;

/**
 * A high-water mark kept as a workspace setting: "everything up to this id has been processed".
 * Ids only grow (identity columns), so what is new is what lies above the mark; the mark never
 * moves down, so two processes advancing it at once cannot undo each other.
 */
public final class SettingMark {

    private final DSLContext dsl;
    private final String key;

    public SettingMark(DSLContext dsl, String key) {
        this.dsl = dsl;
        this.key = key;
    }

    /** The mark, 0 when there is none yet (or it was edited into something that is not a number). */
    public long read() {
        return parse(dsl.select(WORKSPACE_SETTING.SETTING_VALUE).from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(key)).fetchOne(WORKSPACE_SETTING.SETTING_VALUE));
    }

    /** Moves the mark up to {@code mark}; a lower value leaves it where it is. */
    public void advanceTo(long mark) {
        dsl.transaction(configuration -> advanceTo(configuration.dsl(), mark));
    }

    /** The same inside the caller's transaction. */
    public void advanceTo(DSLContext tx, long mark) {
        String current = tx.select(WORKSPACE_SETTING.SETTING_VALUE).from(WORKSPACE_SETTING)
                .where(WORKSPACE_SETTING.SETTING_KEY.eq(key)).forUpdate().fetchOne(WORKSPACE_SETTING.SETTING_VALUE);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (current == null) {
            tx.insertInto(WORKSPACE_SETTING)
                    .set(WORKSPACE_SETTING.SETTING_KEY, key)
                    .set(WORKSPACE_SETTING.SETTING_VALUE, Long.toString(mark))
                    .set(WORKSPACE_SETTING.UPDATED_AT, now)
                    .onConflictDoNothing()
                    .execute();
        } else if (mark > parse(current)) {
            tx.update(WORKSPACE_SETTING)
                    .set(WORKSPACE_SETTING.SETTING_VALUE, Long.toString(mark))
                    .set(WORKSPACE_SETTING.UPDATED_AT, now)
                    .where(WORKSPACE_SETTING.SETTING_KEY.eq(key))
                    .execute();
        }
    }

    private static long parse(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
