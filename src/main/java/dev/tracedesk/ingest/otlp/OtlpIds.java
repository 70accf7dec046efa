package dev.tracedesk.ingest.otlp;

import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Trace and span ids as the canonical model keeps them: lower-case hex. OTLP/JSON writes hex
 * (upper or lower case), some exporters follow the proto3 mapping and write base64 (24 or 12
 * characters), and Python's console exporter writes {@code 0x}-prefixed hex.
 */
public final class OtlpIds {

    public static final int TRACE_ID_HEX = 32;
    public static final int SPAN_ID_HEX = 16;

    private OtlpIds() {
    }

    /**
     * The id as lower-case hex, or null when absent, empty or all zeros (the OTLP "no id").
     * An id in no known encoding is kept as written, so nothing is lost.
     */
    public static String normalize(String raw, int hexLength) {
        if (raw == null) {
            return null;
        }
        String id = raw.strip();
        if (id.startsWith("0x") || id.startsWith("0X")) {
            id = id.substring(2);
        }
        if (id.isEmpty()) {
            return null;
        }
        if (isHex(id)) {
            return isAllZeros(id) ? null : id.toLowerCase(Locale.ROOT);
        }
        String fromBase64 = base64ToHex(id, hexLength);
        if (fromBase64 != null) {
            return isAllZeros(fromBase64) ? null : fromBase64;
        }
        return id;
    }

    private static String base64ToHex(String id, int hexLength) {
        int bytes = hexLength / 2;
        int padded = (bytes + 2) / 3 * 4;
        int unpadded = (bytes * 8 + 5) / 6;
        if (id.length() != padded && id.length() != unpadded) {
            return null;
        }
        try {
            byte[] decoded = id.indexOf('-') >= 0 || id.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(id)
                    : Base64.getDecoder().decode(id);
            return decoded.length == bytes ? HexFormat.of().formatHex(decoded) : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static boolean isHex(String id) {
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAllZeros(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
