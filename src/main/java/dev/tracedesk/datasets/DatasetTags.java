package dev.tracedesk.datasets;

import static dev.tracedesk.store.generated.Tables.DATASET_VERSION_TAG;

import java.time.Clock;
import java.util.List;

import org.jooq.DSLContext;

/**
 * Tags beyond what {@link Datasets#tag} does (point a tag at a version, moving it): taking a tag off.
 * Kept apart so the store class stays readable.
 */
public final class DatasetTags {

    private final DSLContext dsl;
    private final Datasets datasets;

    public DatasetTags(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.datasets = new Datasets(dsl, clock);
    }

    /**
     * Removes {@code tag} from the dataset and returns the version it was on.
     *
     * @throws DatasetException for an unknown dataset, or a tag no version has (the message lists the tags)
     */
    public DatasetVersion delete(String name, String tag) {
        List<DatasetVersion> versions = datasets.versions(name);
        DatasetVersion tagged = versions.stream().filter(v -> v.tags().contains(tag)).findFirst().orElseThrow(() -> {
            List<String> tags = versions.stream().flatMap(v -> v.tags().stream()).sorted().toList();
            return new DatasetException(name + " has no tag \"" + tag + "\""
                    + (tags.isEmpty() ? " (it has no tags)." : " (tags: " + String.join(", ", tags) + ")."));
        });
        dsl.deleteFrom(DATASET_VERSION_TAG)
                .where(DATASET_VERSION_TAG.DATASET_ID.eq(tagged.datasetId()), DATASET_VERSION_TAG.TAG.eq(tag)).execute();
        return tagged;
    }
}
