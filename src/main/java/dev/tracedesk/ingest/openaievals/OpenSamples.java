package dev.tracedesk.ingest.openaievals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The samples whose events are still being gathered, in the order they first appeared.
 *
 * <p>oaieval runs samples on a thread pool (10 threads by default), so the events of a few samples
 * interleave in the log, and nothing marks a sample's last event. Holding every sample until the
 * end would make memory grow with the file; instead a bounded window is kept: when more than
 * {@code maxOpen} samples are open, or their events hold more than {@code maxBytes} of text, the
 * oldest is closed and emitted. A window of a thousand samples is far wider than any thread pool
 * interleaves. An event that still arrives for a closed sample is reported (see
 * {@link #wasClosed}), never silently merged into a second case.
 */
final class OpenSamples {

    /** One event line of a sample, with where it was. */
    record Event(long lineNumber, JsonNode json) {
    }

    /** A sample's events, in file order. */
    static final class Sample {
        final String sampleId;
        final List<Event> events = new ArrayList<>();
        long bytes;

        Sample(String sampleId) {
            this.sampleId = sampleId;
        }
    }

    static final int DEFAULT_MAX_OPEN = 1_000;
    static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
    /** Ids of closed samples remembered to recognise late events; older ones are forgotten. */
    private static final int REMEMBERED_CLOSED = 100_000;

    private final int maxOpen;
    private final long maxBytes;
    private final LinkedHashMap<String, Sample> open = new LinkedHashMap<>();
    private final LinkedHashSet<String> closed = new LinkedHashSet<>();
    private long openBytes;

    OpenSamples(int maxOpen, long maxBytes) {
        this.maxOpen = maxOpen;
        this.maxBytes = maxBytes;
    }

    /** True when this sample was already closed and emitted. */
    boolean wasClosed(String sampleId) {
        return !open.containsKey(sampleId) && closed.contains(sampleId);
    }

    /** Adds an event; returns the samples closed to keep within bounds, oldest first. */
    List<Sample> add(String sampleId, Event event, int sizeBytes) {
        Sample sample = open.computeIfAbsent(sampleId, Sample::new);
        sample.events.add(event);
        sample.bytes += sizeBytes;
        openBytes += sizeBytes;
        List<Sample> closedNow = new ArrayList<>();
        Iterator<Map.Entry<String, Sample>> oldest = open.entrySet().iterator();
        while ((open.size() > maxOpen || openBytes > maxBytes) && open.size() > 1 && oldest.hasNext()) {
            Sample eldest = oldest.next().getValue();
            if (eldest == sample) {
                continue;
            }
            oldest.remove();
            closedNow.add(close(eldest));
        }
        return closedNow;
    }

    /** Closes every open sample, oldest first (at the end of the file). */
    List<Sample> drain() {
        List<Sample> rest = new ArrayList<>();
        open.values().forEach(sample -> rest.add(close(sample)));
        open.clear();
        return rest;
    }

    private Sample close(Sample sample) {
        openBytes -= sample.bytes;
        closed.add(sample.sampleId);
        if (closed.size() > REMEMBERED_CLOSED) {
            Iterator<String> forget = closed.iterator();
            forget.next();
            forget.remove();
        }
        return sample;
    }
}
