package io.agenttelemetry.connect.source;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.agenttelemetry.connect.model.metrics.TaskMBean;

/** Counters the tailer updates, exposed over JMX and summarized in the log at a sane rate. */
final class SourceTaskMetrics implements SourceTaskMetricsMXBean, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SourceTaskMetrics.class);
    private static final long LOG_INTERVAL_NANOS = 30_000_000_000L;

    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong parseErrors = new AtomicLong();
    private final AtomicLong overlong = new AtomicLong();
    private volatile int trackedFiles;
    private volatile int openFiles;
    private volatile long bytesBehind;
    private volatile Map<String, Long> bytesBehindByFile = Map.of();
    private TaskMBean mbean;
    private long nextLogNanos = System.nanoTime() + LOG_INTERVAL_NANOS;

    void register(String connector, String task) {
        mbean = TaskMBean.register(this, "agent-log-source", connector, task);
    }

    /** Bytes not yet read per file path (-1 where the file could not be read). */
    void bytesBehind(Map<String, Long> byFile) {
        this.bytesBehindByFile = Map.copyOf(byFile);
        this.bytesBehind = byFile.values().stream().mapToLong(v -> Math.max(0, v)).sum();
    }

    void lineRead(long length) {
        lines.incrementAndGet();
        bytes.addAndGet(length);
    }

    void recordsEmitted(int count) {
        records.addAndGet(count);
    }

    void parseError() {
        parseErrors.incrementAndGet();
    }

    void overlongLine() {
        overlong.incrementAndGet();
    }

    void trackedFiles(int count) {
        trackedFiles = count;
    }

    void openFiles(int count) {
        openFiles = count;
    }

    /** Logs a progress line every 30 s. */
    void maybeLogProgress() {
        long now = System.nanoTime();
        if (now >= nextLogNanos) {
            nextLogNanos = now + LOG_INTERVAL_NANOS;
            log.info("Progress: {} files ({} open), {} lines ({} bytes) read, {} records, {} unreadable lines, {} over-long, {} bytes behind",
                    trackedFiles, openFiles, lines.get(), bytes.get(), records.get(), parseErrors.get(), overlong.get(), getBytesBehind());
        }
    }

    @Override
    public int getTrackedFiles() {
        return trackedFiles;
    }

    @Override
    public int getOpenFiles() {
        return openFiles;
    }

    @Override
    public long getLinesRead() {
        return lines.get();
    }

    @Override
    public long getBytesRead() {
        return bytes.get();
    }

    @Override
    public long getRecordsEmitted() {
        return records.get();
    }

    @Override
    public long getParseErrors() {
        return parseErrors.get();
    }

    @Override
    public long getOverlongLines() {
        return overlong.get();
    }

    @Override
    public long getBytesBehind() {
        return bytesBehind;
    }

    @Override
    public Map<String, Long> getBytesBehindByFile() {
        return bytesBehindByFile;
    }

    @Override
    public void close() {
        if (mbean != null) {
            mbean.close();
        }
    }
}
