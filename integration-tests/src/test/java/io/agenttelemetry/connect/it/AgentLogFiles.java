package io.agenttelemetry.connect.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** Writes agent log lines the way a framework would, and rotates the file the way logrotate would. */
final class AgentLogFiles {
    private final Path file;
    private final List<String> written = new ArrayList<>();
    private int rotations;

    AgentLogFiles(Path file) {
        this.file = file;
    }

    static String line(String id) {
        return line(id, "");
    }

    /** A line with more JSON fields after the usual ones: fields is empty or starts with a comma. */
    static String line(String id, String fields) {
        return "{\"ts\":\"2026-11-26T10:00:00Z\",\"level\":\"INFO\",\"msg\":\"" + id + "\",\"trace_id\":\""
                + Integer.toHexString(id.hashCode()) + "\"" + fields + "}";
    }

    void write(String prefix, int count) throws IOException {
        write(prefix, count, id -> id);
    }

    /** Lines whose message is message(id); {@link #written()} keeps the ids. */
    void write(String prefix, int count, java.util.function.UnaryOperator<String> message) throws IOException {
        write(prefix, count, message, "");
    }

    /** Lines that also carry the given JSON fields (empty, or starting with a comma); returns their ids. */
    List<String> write(String prefix, int count, java.util.function.UnaryOperator<String> message, String fields) throws IOException {
        StringBuilder sb = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + (written.size());
            written.add(id);
            ids.add(id);
            sb.append(line(message.apply(id), fields)).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return ids;
    }

    /** How many unreadable lines {@link #writeGarbage()} writes. */
    static final int GARBAGE_LINES = 5;

    /**
     * Lines that are no readable log line: invalid UTF-8 with binary garbage, broken JSON, a line of 2 MB (past the
     * source's default max.line.bytes), JSON nested 10,000 deep, and a line whose time is an object.
     */
    void writeGarbage() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, (byte) 0xc3, 0x28, '{', '"', '\n', '{', '"', 'a', '"', ':', '\n'});
        out.write(("{\"msg\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}\n").getBytes(StandardCharsets.UTF_8));
        out.write(("{\"args\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}\n").getBytes(StandardCharsets.UTF_8));
        out.write("{\"ts\":{\"at\":\"noon\"},\"level\":\"INFO\",\"msg\":\"a time that is no time\"}\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, out.toByteArray(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** logrotate's default: rename, then the writer creates a new file. */
    void rotateByRename() throws IOException {
        Files.move(file, file.resolveSibling(file.getFileName() + "." + (++rotations)));
    }

    /** logrotate's compress (without delaycompress): rename, gzip the renamed file, remove it. */
    void rotateByRenameAndCompress() throws IOException {
        Path rotated = file.resolveSibling(file.getFileName() + "." + (++rotations));
        Files.move(file, rotated);
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(rotated.resolveSibling(rotated.getFileName() + ".gz")))) {
            Files.copy(rotated, out);
        }
        Files.delete(rotated);
    }

    /** logrotate's copytruncate: copy, then truncate the original in place. */
    void rotateByCopyTruncate() throws IOException {
        Files.copy(file, file.resolveSibling(file.getFileName() + "." + (++rotations)), StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(0);
        }
    }

    List<String> written() {
        return written;
    }
}
