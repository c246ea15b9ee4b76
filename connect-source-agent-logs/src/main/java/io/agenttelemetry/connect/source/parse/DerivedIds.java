package io.agenttelemetry.connect.source.parse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * OTel-shaped ids (32 hex trace ids, 16 hex span ids) for frameworks whose ids are not: an id already of that
 * shape (or a UUID, for traces) is kept, any other is hashed, so the same framework id always gives the same
 * OTel id and parent links stay intact. Frameworks' own ids are kept as attributes too.
 */
final class DerivedIds {
    private DerivedIds() {
    }

    static String traceId(String id) {
        return derive(id, 32);
    }

    static String spanId(String id) {
        return derive(id, 16);
    }

    private static String derive(String id, int hexLength) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        String compact = id.replace("-", "").toLowerCase(Locale.ROOT);
        if (compact.length() == hexLength && compact.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return compact;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, hexLength);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
