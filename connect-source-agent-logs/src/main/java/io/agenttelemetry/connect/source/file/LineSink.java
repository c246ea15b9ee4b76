package io.agenttelemetry.connect.source.file;

/** Receives the complete lines a {@link TrackedFile} reads. */
@FunctionalInterface
public interface LineSink {
    /**
     * @param start byte offset of the line's first byte
     * @param end byte offset just past its newline
     * @param bytes the line without "\n" or "\r\n"; only {@code length} bytes are valid, and only during the call
     * @param overlong true if the line was longer than the limit and bytes holds only its head
     */
    void line(long start, long end, byte[] bytes, int length, boolean overlong);
}
