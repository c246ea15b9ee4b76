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
        return "{\"ts\":\"2026-11-26T10:00:00Z\",\"level\":\"INFO\",\"msg\":\"" + id + "\",\"trace_id\":\"" + Integer.toHexString(id.hashCode()) + "\"}";
    }

    void write(String prefix, int count) throws IOException {
        write(prefix, count, id -> id);
    }

    /** Lines whose message is message(id); {@link #written()} keeps the ids. */
    void write(String prefix, int count, java.util.function.UnaryOperator<String> message) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + (written.size());
            written.add(id);
            sb.append(line(message.apply(id))).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Bytes that are no log line: a line of invalid UTF-8 and binary garbage, then a line of broken JSON. */
    void writeGarbage() throws IOException {
        byte[] garbage = {(byte) 0xff, (byte) 0xfe, 0x00, 0x01, (byte) 0xc3, 0x28, '{', '"', '\n', '{', '"', 'a', '"', ':', '\n'};
        Files.write(file, garbage, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** logrotate's default: rename, then the writer creates a new file. */
    void rotateByRename() throws IOException {
        Files.move(file, file.resolveSibling(file.getFileName() + "." + (++rotations)));
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
