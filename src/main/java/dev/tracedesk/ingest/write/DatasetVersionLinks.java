package dev.tracedesk.ingest.write;

import static dev.tracedesk.store.generated.Tables.DATASET;
import static dev.tracedesk.store.generated.Tables.DATASET_VERSION;
import static dev.tracedesk.store.generated.Tables.EVAL_RUN;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Record3;

import dev.tracedesk.ingest.model.DatasetRef;

/**
 * Links an eval run to the dataset version its cases name (decision 0017). The version must be a
 * published one in this workspace: found by content hash (preferring the one whose name and number
 * also match, since two datasets may hold the same items), or by name and number when the source
 * gives no hash. Anything else leaves the run unlinked; a source naming no or an unknown version
 * is no error. Used on the writer thread only.
 */
final class DatasetVersionLinks {

    private static final String PUBLISHED = "PUBLISHED";

    private final Map<DatasetRef, Optional<Long>> resolved = new HashMap<>();
    /** Per run: the version its cases named so far; a run whose cases disagree is unlinked for good. */
    private final Map<Long, Optional<Long>> runVersions = new HashMap<>();

    /** Notes that a case of the run names {@code ref}, and sets or clears the run's link. */
    void caseNames(DSLContext tx, long runId, DatasetRef ref) {
        Optional<Long> version = resolved.computeIfAbsent(ref, r -> Optional.ofNullable(resolve(tx, r)));
        Optional<Long> before = runVersions.get(runId);
        if (before == null) {
            runVersions.put(runId, version);
            version.ifPresent(id -> tx.update(EVAL_RUN).set(EVAL_RUN.DATASET_VERSION_ID, id)
                    .where(EVAL_RUN.ID.eq(runId)).and(EVAL_RUN.DATASET_VERSION_ID.isNull()).execute());
        } else if (before.isPresent() && !before.equals(version)) {
            // cases from two versions (or one unknown): no single version is the run's dataset
            runVersions.put(runId, Optional.empty());
            tx.update(EVAL_RUN).setNull(EVAL_RUN.DATASET_VERSION_ID)
                    .where(EVAL_RUN.ID.eq(runId)).and(EVAL_RUN.DATASET_VERSION_ID.eq(before.get())).execute();
        }
    }

    static Long resolve(DSLContext tx, DatasetRef ref) {
        if (ref.contentHash() != null && !ref.contentHash().isBlank()) {
            List<Record3<Long, String, Integer>> sameContent = tx
                    .select(DATASET_VERSION.ID, DATASET.NAME, DATASET_VERSION.VERSION_NUMBER)
                    .from(DATASET_VERSION).join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
                    .where(DATASET_VERSION.CONTENT_HASH.eq(ref.contentHash()), DATASET_VERSION.STATE.eq(PUBLISHED))
                    .orderBy(DATASET_VERSION.ID).fetch();
            return sameContent.stream()
                    .filter(r -> Objects.equals(r.value2(), ref.dataset()) && Objects.equals(r.value3(), ref.version()))
                    .findFirst()
                    .or(() -> sameContent.stream().filter(r -> Objects.equals(r.value2(), ref.dataset())).findFirst())
                    .or(() -> sameContent.size() == 1 ? Optional.of(sameContent.get(0)) : Optional.empty())
                    .map(Record3::value1).orElse(null);
        }
        if (ref.dataset() == null || ref.version() == null) {
            return null;
        }
        return tx.select(DATASET_VERSION.ID).from(DATASET_VERSION).join(DATASET).on(DATASET.ID.eq(DATASET_VERSION.DATASET_ID))
                .where(DATASET.NAME.eq(ref.dataset()), DATASET_VERSION.VERSION_NUMBER.eq(ref.version()),
                        DATASET_VERSION.STATE.eq(PUBLISHED))
                .fetchOne(DATASET_VERSION.ID);
    }
}
