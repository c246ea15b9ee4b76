package io.agenttelemetry.connect.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Kafka has acknowledged per file and how many offset commits have happened, so a completed file is deleted
 * or moved only once its records are written and their offsets committed. Acks and commits arrive on the
 * worker's threads; the tailer reads them on the task thread.
 */
final class CompletedFiles {
    private static final Logger log = LoggerFactory.getLogger(CompletedFiles.class);

    private final AgentLogSourceConfig config;
    private final Map<String, Long> ackedPosition = new ConcurrentHashMap<>();
    private final AtomicLong commits = new AtomicLong();

    CompletedFiles(AgentLogSourceConfig config) {
        this.config = config;
    }

    boolean enabled() {
        return config.completedFilePolicy != AgentLogSourceConfig.CompletedFilePolicy.NONE;
    }

    /** Kafka acknowledged a record with this source partition and offset. */
    void acked(Map<String, ?> partition, Map<String, ?> offset) {
        // Only the completed-file policy reads acknowledgements; without one, a producer thread's work per record is saved.
        if (!enabled() || partition == null || offset == null || !(partition.get(SourceOffsets.FILE_ID) instanceof String)
                || !(offset.get(SourceOffsets.POSITION) instanceof Number)) {
            return;
        }
        long position = ((Number) offset.get(SourceOffsets.POSITION)).longValue();
        ackedPosition.merge((String) partition.get(SourceOffsets.FILE_ID), position, Math::max);
    }

    /** The worker committed offsets. */
    void committed() {
        commits.incrementAndGet();
    }

    long commits() {
        return commits.get();
    }

    /** True if every record up to this position of the file is acknowledged. */
    boolean ackedUpTo(String fileId, long position) {
        Long acked = ackedPosition.get(fileId);
        return acked != null && acked >= position;
    }

    void forget(String fileId) {
        ackedPosition.remove(fileId);
    }

    /** Deletes or moves the file as configured; false (logged) if that failed, to be tried again later. */
    boolean dispose(Path file) {
        try {
            switch (config.completedFilePolicy) {
                case DELETE:
                    Files.deleteIfExists(file);
                    log.info("Deleted completed file {}: all its records are committed", file);
                    return true;
                case MOVE:
                    Path dir = Files.createDirectories(config.completedFileMoveDir);
                    Path target = dir.resolve(file.getFileName());
                    for (int i = 1; Files.exists(target); i++) {
                        target = dir.resolve(file.getFileName() + "." + i);
                    }
                    Files.move(file, target);
                    log.info("Moved completed file {} to {}: all its records are committed", file, target);
                    return true;
                default:
                    return true;
            }
        } catch (IOException e) {
            log.warn("Could not {} completed file {}; will try again: {}", config.completedFilePolicy, file, e.toString());
            return false;
        }
    }
}
