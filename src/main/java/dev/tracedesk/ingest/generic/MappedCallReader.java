package dev.tracedesk.ingest.generic;

import dev.tracedesk.ingest.source.FormatReader;
import dev.tracedesk.ingest.source.Sniff;

/**
 * What the generic readers share: a field mapping turned into a call mapper, and no claim on any
 * file by detection — a generic log is read only when the user names its mapping.
 */
abstract class MappedCallReader implements FormatReader {

    protected final GenericCallMapper mapper;

    MappedCallReader(FieldMapping mapping) {
        this.mapper = new GenericCallMapper(mapping);
    }

    @Override
    public final int confidence(Sniff sniff) {
        return 0;
    }
}
