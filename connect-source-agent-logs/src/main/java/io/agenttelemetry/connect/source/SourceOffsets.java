package io.agenttelemetry.connect.source;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.connect.errors.ConnectException;

import io.agenttelemetry.connect.source.file.ContentCheck;

/**
 * The shape of our source partitions and offsets. Partition: the file's identity (fingerprint). Offset: the byte
 * position of the next line to read, how many events of that line are already emitted (an OTLP line carries many
 * spans), the line number, a check of the bytes before the position (so a file that merely starts alike does not
 * resume there), and the path it was last seen at (informational).
 */
final class SourceOffsets {
    static final String FILE_ID = "file.id";
    static final String POSITION = "position";
    static final String SKIP = "skip";
    static final String LINE = "line";
    static final String PATH = "path";
    static final String CHECK_CRC = "check.crc";
    static final String CHECK_BYTES = "check.bytes";

    private SourceOffsets() {
    }

    static Map<String, Object> partition(String fileId) {
        return Map.of(FILE_ID, fileId);
    }

    static Map<String, Object> offset(long position, int skip, long line, String path, ContentCheck check) {
        Map<String, Object> m = new HashMap<>();
        m.put(POSITION, position);
        m.put(SKIP, skip);
        m.put(LINE, line);
        m.put(PATH, path);
        if (check != null) {
            m.put(CHECK_CRC, check.crc());
            m.put(CHECK_BYTES, check.bytes());
        }
        return m;
    }

    /** The content check of a stored offset; null if it has none (written by hand, or by an older version). */
    static ContentCheck check(Map<String, ?> offset) {
        if (offset == null || offset.get(CHECK_CRC) == null) {
            return null;
        }
        Object crc = offset.get(CHECK_CRC);
        long bytes = nonNegative(offset, CHECK_BYTES, true);
        if (!(crc instanceof Number) || bytes > ContentCheck.MAX_BYTES) {
            throw new ConnectException("offset keys '" + CHECK_CRC + "' and '" + CHECK_BYTES + "' must be an integer and 0-"
                    + ContentCheck.MAX_BYTES + ", got " + crc + " and " + bytes);
        }
        return new ContentCheck(((Number) crc).intValue(), (int) bytes);
    }

    /** Position and skip of a stored offset, checking its shape; null offset means "none". */
    static long[] read(Map<String, ?> offset) {
        if (offset == null) {
            return null;
        }
        return new long[] {nonNegative(offset, POSITION, true), nonNegative(offset, SKIP, false), nonNegative(offset, LINE, false)};
    }

    /** Validates a partition/offset pair, as given to the offsets REST API; throws naming the bad key. */
    static void validate(Map<String, ?> partition, Map<String, ?> offset) {
        if (partition == null || !(partition.get(FILE_ID) instanceof String)) {
            throw new ConnectException("source partition must be {\"" + FILE_ID + "\": \"<file fingerprint>\"}, got " + partition);
        }
        if (offset != null) {
            read(offset);
            check(offset);
        }
    }

    private static long nonNegative(Map<String, ?> offset, String key, boolean required) {
        Object v = offset.get(key);
        if (v == null && !required) {
            return 0;
        }
        if (!(v instanceof Number) || ((Number) v).longValue() < 0) {
            throw new ConnectException("offset key '" + key + "' must be a non-negative integer, got " + v);
        }
        return ((Number) v).longValue();
    }
}
