package io.agenttelemetry.connect.source;

/**
 * Per-task JMX metrics of the agent log source, beside Connect's own task metrics, under
 * {@code io.agenttelemetry.connect:type=agent-log-source,connector=<name>,task=<id>}.
 */
public interface SourceTaskMetricsMXBean {
    /** Files this task is tailing now. */
    int getTrackedFiles();

    /** Files with an open descriptor; quiet files are closed beyond max.open.files. */
    int getOpenFiles();

    /** Complete lines read. */
    long getLinesRead();

    /** Bytes of complete lines read. */
    long getBytesRead();

    /** Records emitted: events and error records. */
    long getRecordsEmitted();

    /** Lines that could not be read (sent to the error topic or failing the task). */
    long getParseErrors();

    /** Lines longer than max.line.bytes. */
    long getOverlongLines();

    /** Bytes in tracked files not read yet, summed over files. */
    long getBytesBehind();

    /** Bytes not yet read, per file path: the lag of each file. */
    java.util.Map<String, Long> getBytesBehindByFile();
}
