package io.agenttelemetry.connect.source;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and parses the next batch on its own thread while Connect converts and sends the one before, so the two
 * use two cores instead of taking turns on the task thread. One batch is read ahead at most: the reader waits with
 * it until the task takes it. A batch read ahead and not taken when the task stops was never emitted, so its
 * offsets were never committed and it is read again after a restart.
 */
final class ReadAhead {
    private static final Logger log = LoggerFactory.getLogger(ReadAhead.class);
    /** How often a waiting reader looks whether it should stop. */
    private static final long STOP_CHECK_MS = 100;

    /** Reads one batch; empty when nothing is new. Called on the reader thread only. */
    interface BatchReader {
        List<SourceRecord> read() throws IOException;
    }

    private final BatchReader reader;
    private final long idleMs;
    private final SynchronousQueue<Object> handOver = new SynchronousQueue<>();
    private final Thread thread;
    private volatile boolean stopping;

    /**
     * @param idleMs how long the reader waits after a read that found nothing new
     */
    ReadAhead(BatchReader reader, long idleMs, String threadName) {
        this.reader = reader;
        this.idleMs = idleMs;
        this.thread = new Thread(this::readUntilStopped, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * The next batch, waiting for it at most {@code timeoutMs}; empty if none came.
     *
     * @throws ConnectException if reading failed (the reader has stopped)
     */
    @SuppressWarnings("unchecked")
    List<SourceRecord> take(long timeoutMs) throws InterruptedException {
        Object next = handOver.poll(timeoutMs, TimeUnit.MILLISECONDS);
        if (next instanceof IOException) {
            throw new ConnectException("Reading agent log files failed: " + next, (IOException) next);
        }
        if (next instanceof RuntimeException) {
            throw (RuntimeException) next;
        }
        if (next instanceof Throwable) {
            throw new ConnectException("The reader thread failed: " + next, (Throwable) next);
        }
        return next == null ? List.of() : (List<SourceRecord>) next;
    }

    private void readUntilStopped() {
        try {
            while (!stopping) {
                List<SourceRecord> batch = reader.read();
                if (batch.isEmpty()) {
                    Thread.sleep(idleMs);
                } else {
                    handOverUnlessStopping(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            // The task fails with it at its next take; nothing is read after it.
            try {
                handOverUnlessStopping(e);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handOverUnlessStopping(Object item) throws InterruptedException {
        while (!stopping && !handOver.offer(item, STOP_CHECK_MS, TimeUnit.MILLISECONDS)) {
            // the task has not come for it yet
        }
    }

    /** Stops the reader and waits until it no longer reads, so what it read from can be closed. */
    void stop(long timeoutMs) {
        stopping = true;
        try {
            thread.join(Math.max(timeoutMs, idleMs + STOP_CHECK_MS));
            if (thread.isAlive()) {
                log.warn("The reader thread {} did not stop within {} ms; interrupting it", thread.getName(), timeoutMs);
                thread.interrupt();
                thread.join(timeoutMs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
