package io.agenttelemetry.connect.source.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A file's identity: a hash of its first line, or of its first {@code maxBytes} bytes when that line is longer.
 * It does not change when the file is renamed or grows, and a new file written at the same path gets a new one.
 */
public final class Fingerprint {
    private Fingerprint() {
    }

    /**
     * @return 32 hex characters, or null while the file is too short to tell (no complete first line and fewer
     *         than maxBytes bytes): nothing of it can be emitted yet anyway
     */
    public static String of(FileChannel channel, int maxBytes) throws IOException {
        // Read to the end rather than asking the size first: a gzip file's size costs inflating all of it.
        ByteBuffer buf = ByteBuffer.allocate(maxBytes);
        while (buf.hasRemaining()) {
            if (channel.read(buf, buf.position()) < 0) {
                break;
            }
        }
        byte[] head = buf.array();
        int len = buf.position();
        int end = -1;
        for (int i = 0; i < len; i++) {
            if (head[i] == '\n') {
                end = i + 1;
                break;
            }
        }
        if (end < 0) {
            if (len < maxBytes) {
                return null;
            }
            end = len;
        }
        return hex(sha256(head, end), 16);
    }

    private static byte[] sha256(byte[] data, int len) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, len);
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes, int count) {
        StringBuilder sb = new StringBuilder(count * 2);
        for (int i = 0; i < count; i++) {
            sb.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        return sb.toString();
    }
}
