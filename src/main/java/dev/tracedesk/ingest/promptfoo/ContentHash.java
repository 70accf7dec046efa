package dev.tracedesk.ingest.promptfoo;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.tracedesk.ingest.source.ImportSource;

/**
 * The run id of a promptfoo file that names no eval (a CSV, an old JSONL): derived from the file's
 * content, so importing the same file again finds the same run whatever the file is called, and two
 * different runs both saved as "results.csv" stay apart.
 */
final class ContentHash {

    private static final String PREFIX = "sha256:";

    private ContentHash() {
    }

    /** "sha256:" and the first 32 hex digits of SHA-256 over the (decompressed) content. */
    static String runIdOf(ImportSource source) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(source.openStream(), digest)) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the digest sees every byte as it passes
            }
        }
        return runIdOf(digest);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String runIdOf(MessageDigest digest) {
        return PREFIX + HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    }
}
