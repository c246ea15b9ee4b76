package io.agenttelemetry.connect.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;

import io.agenttelemetry.connect.stack.ManagedProcess;

/** What a memory check reports about the worker: alive, any OutOfMemoryError in its log, peak resident memory. */
final class WorkerMemory {
    final boolean alive;
    final boolean outOfMemory;
    final String peakResident;

    private WorkerMemory(boolean alive, boolean outOfMemory, String peakResident) {
        this.alive = alive;
        this.outOfMemory = outOfMemory;
        this.peakResident = peakResident;
    }

    static WorkerMemory of(ManagedProcess worker) throws IOException {
        boolean oom = Files.readString(worker.log()).contains("OutOfMemoryError");
        String peak = Files.readAllLines(Paths.get("/proc/" + worker.pid() + "/status")).stream()
                .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("VmHWM: unknown").replace("VmHWM:", "").trim();
        return new WorkerMemory(worker.isAlive(), oom, peak);
    }

    boolean ok() {
        return alive && !outOfMemory;
    }

    @Override
    public String toString() {
        return "worker alive=" + alive + ", OutOfMemoryError in log=" + outOfMemory + ", peak RSS " + peakResident;
    }
}
