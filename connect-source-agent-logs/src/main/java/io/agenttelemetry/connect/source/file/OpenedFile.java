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
    private final String id;

    private OpenedFile(Path path, Object fileKey, FileChannel channel, String id) {
        this.path = path;
        this.fileKey = fileKey;
        this.channel = channel;
        this.id = id;
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
            String id = Fingerprint.of(ch, fingerprintBytes);
            if (id == null) {
                ch.close();
                return null;
            }
            return new OpenedFile(path, key, ch, id);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** The fingerprint. */
    public String id() {
        return id;
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

    /** Starts tracking from the start under its fingerprint; the channel now belongs to the tracked file. */
    public TrackedFile track(int maxLineBytes) {
        return track(id, maxLineBytes, 0, ContentCheck.START);
    }

    /**
     * Starts tracking at the given position, under the given identity; the channel now belongs to the tracked file.
     *
     * @param check the check of the bytes before position, null if unknown (an offset stored without one)
     */
    public TrackedFile track(String identity, int maxLineBytes, long position, ContentCheck check) {
        return new TrackedFile(identity, id, fileKey, path, channel, maxLineBytes, position, check);
    }

    /** The channel, for checks before tracking. */
    public FileChannel channel() {
        return channel;
    }

    public void close() throws IOException {
        channel.close();
    }
}
