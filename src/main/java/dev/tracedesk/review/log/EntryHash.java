package dev.tracedesk.review.log;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that chains the review log: SHA-256 over every stored value of an entry and the hash
 * of the entry before it. Each value is written as its UTF-8 length, a colon and the bytes (null
 * as "-"), so no two different entries encode alike, whatever text a note holds. The JSON columns
 * are hashed as the exact text stored, so changing any column of a stored entry breaks the chain.
 */
final class EntryHash {

    private EntryHash() {
    }

    static String of(StoredEntry entry) {
        MessageDigest digest = sha256();
        update(digest, Long.toString(entry.itemId()));
        update(digest, entry.targetKind());
        update(digest, Long.toString(entry.targetId()));
        update(digest, entry.action());
        update(digest, entry.reviewer());
        update(digest, entry.verdict());
        update(digest, entry.categoriesJson());
        update(digest, entry.scoresJson());
        update(digest, entry.correctedOutput());
        update(digest, entry.note());
        update(digest, entry.documentRelevanceJson());
        update(digest, entry.retractsLabelId() == null ? null : entry.retractsLabelId().toString());
        update(digest, instant(entry.createdAt()));
        update(digest, entry.prevHash());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String instant(Instant createdAt) {
        return createdAt == null ? null : createdAt.toString();
    }

    private static void update(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) '-');
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
