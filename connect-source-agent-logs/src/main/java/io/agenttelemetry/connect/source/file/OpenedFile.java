package io.agenttelemetry.connect.source.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A discovered file, opened and identified, not yet tracked. */
public final class OpenedFile {
    private final Path path;
    private final Object fileKey;
    private final FileChannel channel;
    private final String fingerprint;

    private OpenedFile(Path path, Object fileKey, FileChannel channel, String fingerprint) {
        this.path = path;
        this.fileKey = fileKey;
        this.channel = channel;
        this.fingerprint = fingerprint;
    }

    /** The file key (device and inode on Unix) of a path, without opening it. */
    public static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    /** Opens and fingerprints; null (and nothing left open) while the file is too short to identify. */
    public static OpenedFile open(Path path, int fingerprintBytes) throws IOException {
        Object key = fileKey(path);
        FileChannel ch = TrackedFile.open(path);
        try {
            String fingerprint = Fingerprint.of(ch, fingerprintBytes);
            if (fingerprint == null) {
                ch.close();
                return null;
            }
            return new OpenedFile(path, key, ch, fingerprint);
        } catch (GzipFileChannel.IncompleteException e) {
            ch.close();
            return null; // being compressed: its first bytes are not all there yet
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Object fileKey() {
        return fileKey;
    }

    public Path path() {
        return path;
    }

    public long size() throws IOException {
        return channel.size();
    }

    /**
     * False while a gzip file is still being written (its stream ends before its trailer): it is not read until it
     * is whole. A plain file is always complete.
     */
    public boolean isComplete() throws IOException {
        return !GzipFileChannel.isIncomplete(channel);
    }

    /**
     * Starts tracking at the given position, under the given identity; the channel now belongs to the tracked file.
     *
     * @param check the check of the bytes before position, null if unknown (an offset stored without one)
     */
    public TrackedFile track(String identity, int maxLineBytes, long position, ContentCheck check) {
        return new TrackedFile(identity, fingerprint, fileKey, path, channel, maxLineBytes, position, check);
    }

    /** The channel, for checks before tracking. */
    public FileChannel channel() {
        return channel;
    }

    public void close() throws IOException {
        channel.close();
    }
}
