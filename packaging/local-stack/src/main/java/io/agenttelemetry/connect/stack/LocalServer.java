package io.agenttelemetry.connect.stack;

import java.time.Duration;

/**
 * One server process of the local stack. Subclasses say how to start it and how to tell it is ready; stopping,
 * crashing and starting it again work the same for all, for the outage and kill tests.
 */
public abstract class LocalServer implements AutoCloseable {
    private final Duration grace;
    protected ManagedProcess process;

    protected LocalServer(Duration grace) {
        this.grace = grace;
    }

    /** Launches the process (configuration written, storage prepared); does not wait for it. */
    abstract void start();

    /** Waits until the server answers, failing early if the process dies. */
    abstract void awaitReady(Duration timeout);

    public ManagedProcess process() {
        return process;
    }

    /** Stops it cleanly (SIGTERM, then SIGKILL after the grace period); {@link #startAgain} brings it back. */
    public void stop() {
        process.stop(grace);
    }

    /** kill -9 of the whole process tree, as a crash would. */
    public void kill() {
        process.kill();
    }

    /** Starts it again on the same ports and data, and waits until it is ready. */
    public void startAgain(Duration timeout) {
        start();
        awaitReady(timeout);
    }

    /** Stops it cleanly and starts it again. */
    public void restart(Duration timeout) {
        stop();
        startAgain(timeout);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.stop(grace);
        }
    }
}
