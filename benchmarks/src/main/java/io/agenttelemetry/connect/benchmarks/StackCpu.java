package io.agenttelemetry.connect.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.agenttelemetry.connect.stack.LocalServer;
import io.agenttelemetry.connect.stack.LocalStack;

/**
 * CPU seconds each process of the local stack (with its child processes) and the harness have used, and the
 * machine's idle and stolen time, read from /proc. Printed beside each timed run: on two shared cores a run's time
 * alone cannot tell a cheaper run from a run the machine's host gave more CPU to.
 */
final class StackCpu {
    /** Linux's USER_HZ, the unit of /proc's CPU times, is 100 on every common build. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final Map<String, Double> seconds;

    private StackCpu(Map<String, Double> seconds) {
        this.seconds = seconds;
    }

    /** Now, or an empty reading where there is no /proc. */
    static StackCpu of(LocalStack stack) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        try {
            put(seconds, "broker", stack.kafka());
            put(seconds, "worker", stack.connect());
            try {
                put(seconds, "node", stack.openSearch());
            } catch (IllegalStateException e) {
                // a stack without OpenSearch
            }
            seconds.put("harness", ticks(ProcessHandle.current().pid()) / TICKS_PER_SECOND); // not its children, the stack
            String[] cpu = Files.readAllLines(Paths.get("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            seconds.put("idle", (Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])) / TICKS_PER_SECOND);
            seconds.put("stolen", Long.parseLong(cpu[8]) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            seconds.clear();
        }
        return new StackCpu(seconds);
    }

    /** What was used between {@code before} and this reading, e.g. "worker 2.9, node 14.2, ... CPU-s". */
    String since(StackCpu before) {
        if (seconds.isEmpty() || before.seconds.isEmpty()) {
            return "CPU not read (no /proc)";
        }
        return seconds.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() - before.seconds.getOrDefault(e.getKey(), 0.0)))
                .collect(Collectors.joining(", ", "CPU-s: ", ""));
    }

    private static void put(Map<String, Double> seconds, String name, LocalServer server) throws IOException {
        seconds.put(name, processSeconds(ProcessHandle.of(server.process().pid()).orElseThrow()));
    }

    /** User and system time of a process and its descendants (OpenSearch runs under a wrapper as its own user). */
    private static double processSeconds(ProcessHandle process) throws IOException {
        long ticks = ticks(process.pid());
        for (ProcessHandle child : (Iterable<ProcessHandle>) process.descendants()::iterator) {
            ticks += ticks(child.pid());
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static long ticks(long pid) throws IOException {
        Path stat = Paths.get("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return 0; // ended meanwhile
        }
        String line = Files.readString(stat);
        // The command name may hold spaces and parentheses; the fields after its last ')' start at the state (3rd).
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, the 14th and 15th fields
    }
}
