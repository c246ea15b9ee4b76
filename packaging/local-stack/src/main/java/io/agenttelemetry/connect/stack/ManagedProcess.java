package io.agenttelemetry.connect.stack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A server process this JVM started, with its output in a log file. Stopping ends its whole process tree
 * (OpenSearch runs under runuser). Every live instance is also ended by a shutdown hook, so a failed test run
 * or Ctrl-C leaves nothing behind.
 */
public final class ManagedProcess {
    private static final Set<ManagedProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(ManagedProcess::kill), "stack-reaper"));
    }

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    public static ManagedProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            ManagedProcess p = new ManagedProcess(name, pb.start(), log);
            LIVE.add(p);
            Files.writeString(workDir.resolve(name + ".pid"), Long.toString(p.pid()));
            return p;
        } catch (IOException e) {
            throw new StackException("cannot start " + name + " (" + String.join(" ", command) + ")", e);
        }
    }

    /** Runs a short command to completion, e.g. formatting storage; fails with its output if it fails. */
    public static void run(String name, List<String> command, Map<String, String> env, Path workDir, Path log, Duration timeout) {
        ManagedProcess p = start(name, command, env, workDir, log);
        try {
            if (!p.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.kill();
                throw new StackException(name + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.kill();
            throw new StackException(name + " interrupted", e);
        } finally {
            LIVE.remove(p);
        }
        if (p.process.exitValue() != 0) {
            throw new StackException(name + " failed with exit code " + p.process.exitValue() + ":\n" + p.logTail(30));
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGTERM to the tree, then SIGKILL to whatever is left after the grace period. */
    public void stop(Duration grace) {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : tree) {
            long left = Math.max(0, deadline - System.nanoTime());
            try {
                h.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                // Still running after the grace period: killed below.
            }
        }
        kill();
    }

    /** SIGKILL to the whole tree, as a crash would; waits until it is gone. */
    public void kill() {
        List<ProcessHandle> tree = tree();
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The kernel reaps it; nothing more we can do from here.
            }
        }
        LIVE.remove(this);
    }

    private List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>();
        process.toHandle().descendants().forEach(tree::add);
        tree.add(process.toHandle());
        return tree;
    }

    /** The last lines of the log, for error messages. */
    public String logTail(int lines) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length();
            long start = Math.max(0, length - 16_384);
            byte[] buf = new byte[(int) (length - start)];
            f.seek(start);
            f.readFully(buf);
            String[] all = new String(buf, StandardCharsets.UTF_8).split("\n");
            StringBuilder out = new StringBuilder();
            for (int i = Math.max(0, all.length - lines); i < all.length; i++) {
                out.append(all[i]).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", log " + log + ")";
    }
}
