package dev.tracedesk.traces;

import static dev.tracedesk.store.generated.Tables.SAVED_VIEW;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The {@code saved_view} rows of one workspace: named definitions per section ("traces", …), the
 * definition kept as JSON the section itself reads. Names are unique within a section; saving under
 * a taken name replaces that view (the GUI asks first), renaming onto one is refused.
 */
public final class SavedViews {

    private final DSLContext dsl;

    public SavedViews(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The section's view names, alphabetically regardless of case. */
    public List<String> names(String section) {
        return dsl.select(SAVED_VIEW.NAME).from(SAVED_VIEW)
                .where(SAVED_VIEW.SECTION.eq(section))
                .orderBy(DSL.lower(SAVED_VIEW.NAME), SAVED_VIEW.NAME)
                .fetch(SAVED_VIEW.NAME);
    }

    /** The definition JSON of the named view, as saved. */
    public Optional<String> definition(String section, String name) {
        return dsl.select(SAVED_VIEW.DEFINITION_JSON).from(SAVED_VIEW)
                .where(SAVED_VIEW.SECTION.eq(section)).and(SAVED_VIEW.NAME.eq(name))
                .fetchOptional(SAVED_VIEW.DEFINITION_JSON);
    }

    /**
     * Saves the definition under the name, replacing the view of that name if there is one (it keeps
     * its creation time). One transaction, so a reader never sees the view missing.
     *
     * @return true when an existing view was replaced
     */
    public boolean save(String section, String name, String definitionJson) {
        String checked = SavedViewName.require(name);
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            int replaced = tx.update(SAVED_VIEW).set(SAVED_VIEW.DEFINITION_JSON, definitionJson)
                    .where(SAVED_VIEW.SECTION.eq(section)).and(SAVED_VIEW.NAME.eq(checked))
                    .execute();
            if (replaced == 0) {
                tx.insertInto(SAVED_VIEW)
                        .set(SAVED_VIEW.SECTION, section)
                        .set(SAVED_VIEW.NAME, checked)
                        .set(SAVED_VIEW.DEFINITION_JSON, definitionJson)
                        .set(SAVED_VIEW.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                        .execute();
            }
            return replaced > 0;
        });
    }

    /**
     * @return false when there is no view of that name
     * @throws IllegalArgumentException when the new name is not a valid name or is taken by another view
     */
    public boolean rename(String section, String from, String to) {
        String checked = SavedViewName.require(to);
        return dsl.transactionResult(configuration -> {
            DSLContext tx = configuration.dsl();
            boolean taken = !checked.equals(from) && tx.fetchExists(SAVED_VIEW,
                    SAVED_VIEW.SECTION.eq(section).and(SAVED_VIEW.NAME.eq(checked)));
            if (taken) {
                throw new IllegalArgumentException("A view named \u201c" + checked + "\u201d already exists");
            }
            return tx.update(SAVED_VIEW).set(SAVED_VIEW.NAME, checked)
                    .where(SAVED_VIEW.SECTION.eq(section)).and(SAVED_VIEW.NAME.eq(from))
                    .execute() > 0;
        });
    }

    /** @return false when there was no view of that name */
    public boolean delete(String section, String name) {
        return dsl.deleteFrom(SAVED_VIEW)
                .where(SAVED_VIEW.SECTION.eq(section)).and(SAVED_VIEW.NAME.eq(name))
                .execute() > 0;
    }
}
