package dev.tracedesk.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import dev.tracedesk.store.TracedeskHome;
import dev.tracedesk.store.WorkspaceLocation;

/**
 * Where a workspace's search index lives: beside an H2 file ({@code workspace.mv.db} →
 * {@code workspace.search/}), so moving or deleting the workspace takes the index along; for a
 * shared PostgreSQL workspace, on this machine under the Tracedesk home (each client keeps its
 * own index of the shared data).
 */
public final class SearchIndexLocation {

    private SearchIndexLocation() {
    }

    public static Path of(WorkspaceLocation workspace, Map<String, String> environment) {
        if (workspace.isH2()) {
            String file = workspace.h2File().toString();
            return Path.of(file.substring(0, file.length() - ".mv.db".length()) + ".search");
        }
        return TracedeskHome.resolve(environment).resolve("search").resolve(shortHash(workspace.displayName()));
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
