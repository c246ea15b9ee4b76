package io.agenttelemetry.connect.stack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition until it holds or a deadline passes; never a fixed sleep. A condition that throws counts as
 * not holding yet (a server still starting refuses connections), except for {@link Abort}, which ends the wait.
 */
public final class Wait {
    private static final long POLL_MILLIS = 200;

    private Wait() {
    }

    /**
     * @param process if given and it exits first, fail at once with the end of its log
     * @throws StackException on timeout, naming what was awaited
     */
    public static void until(String what, Duration timeout, BooleanSupplier condition, ManagedProcess process) {
        until(what, timeout, Duration.ofMillis(POLL_MILLIS), condition, process);
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        until(what, timeout, condition, null);
    }

    /**
     * Polls every given interval: shorter where the moment matters (a measurement's start), longer where each check
     * costs the servers under measurement.
     */
    public static void until(String what, Duration timeout, Duration every, BooleanSupplier condition) {
        until(what, timeout, every, condition, null);
    }

    private static void until(String what, Duration timeout, Duration every, BooleanSupplier condition, ManagedProcess process) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (safely(condition)) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new StackException(process.name() + " exited while waiting for " + what
                        + "; last log lines:\n" + process.logTail(40));
            }
            if (System.nanoTime() > deadline) {
                String tail = process == null ? "" : "; last log lines of " + process.name() + ":\n" + process.logTail(40);
                throw new StackException("timed out after " + timeout.toSeconds() + " s waiting for " + what + tail);
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while waiting for " + what, e);
            }
        }
    }

    private static boolean safely(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (Abort e) {
            throw e;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Thrown by a condition that knows waiting longer is pointless (e.g. a task has failed); ends the wait. */
    public static final class Abort extends StackException {
        public Abort(String message) {
            super(message);
        }
    }
}
