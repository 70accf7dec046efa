package dev.tracedesk.ingest.promptfoo;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.tracedesk.ingest.model.CaseKeys;

/**
 * Case keys for one run. The key is the hash of the test's variables (so runs compare case by case);
 * a test without variables is known by its index. promptfoo can run the same test more than once in
 * one eval ({@code --repeat}, or two tests with the same variables): the second (test, provider,
 * prompt) with a key already used gets "#2", the third "#3", in file order, so no repetition
 * collapses into another and re-importing the file gives the same keys.
 *
 * <p>Memory: one long per case seen, in an open-addressing table, up to {@link #MAX_TRACKED} cases;
 * beyond that repetitions are no longer told apart (a run of millions of results is not one
 * promptfoo writes to a file it can also hold in memory).
 */
final class CaseKeyAssigner {

    static final int MAX_TRACKED = 1 << 20;

    private long[] table = new long[1 << 10];
    private int size;
    private boolean zeroSeen;
    private final Map<Long, Integer> repeats = new HashMap<>();

    /** The case key for this result; call once per result, in file order. */
    String assign(JsonNode vars, Integer testIndex, String provider, String promptLabel) {
        String base;
        if (CaseKeys.hasVars(vars)) {
            base = CaseKeys.fromVars(vars);
        } else if (testIndex != null) {
            base = CaseKeys.fromSampleId("test-" + testIndex);
        } else {
            base = CaseKeys.fromVars(vars);
        }
        long fingerprint = fingerprint(base, provider, promptLabel);
        if (addIfAbsent(fingerprint)) {
            return base;
        }
        int occurrence = repeats.merge(fingerprint, 2, (previous, one) -> previous + 1);
        return base + "#" + occurrence;
    }

    /** FNV-1a over the three parts; a 64-bit fingerprint stands for the natural key of a case. */
    private static long fingerprint(String caseKey, String provider, String promptLabel) {
        long hash = 0xcbf29ce484222325L;
        for (String part : new String[] {caseKey, provider, promptLabel}) {
            for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
                hash ^= b & 0xff;
                hash *= 0x100000001b3L;
            }
            hash ^= 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** True when the fingerprint was new (or no longer tracked). */
    private boolean addIfAbsent(long fingerprint) {
        if (fingerprint == 0) {
            boolean first = !zeroSeen;
            zeroSeen = true;
            return first;
        }
        if (size >= MAX_TRACKED) {
            return !contains(fingerprint);
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        int slot = slotOf(fingerprint, table);
        if (table[slot] == fingerprint) {
            return false;
        }
        table[slot] = fingerprint;
        size++;
        return true;
    }

    private boolean contains(long fingerprint) {
        return table[slotOf(fingerprint, table)] == fingerprint;
    }

    private static int slotOf(long fingerprint, long[] table) {
        int mask = table.length - 1;
        int slot = (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
        while (table[slot] != 0 && table[slot] != fingerprint) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        for (long fingerprint : table) {
            if (fingerprint != 0) {
                bigger[slotOf(fingerprint, bigger)] = fingerprint;
            }
        }
        table = bigger;
    }
}
