package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.Wait;

/**
 * Two workers, tasks.max=4 over eight files being written, exactly-once source support on; one worker is killed
 * with SIGKILL mid-stream and never comes back. The survivor takes over its tasks: every line exactly once.
 */
class AgentLogSourceMultiWorkerIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final int FILES = 8;

    @Test
    void killingOneOfTwoWorkersLosesAndDuplicatesNothing() throws Exception {
        try (LocalStack stack = Stacks.builder("source-2-workers").connectWorkers(2).exactlyOnceSource(true)
                .openSearch(false).s3(false).workerProperty("scheduled.rebalance.max.delay.ms", "5000").start()) {
            Path dir = Files.createDirectories(stack.workDir().resolve("logs"));
            List<AgentLogFiles> logs = new ArrayList<>();
            for (int f = 0; f < FILES; f++) {
                logs.add(new AgentLogFiles(dir.resolve("agent-" + f + ".log")));
                logs.get(f).write("f" + f + "-start", 100);
            }
            String topic = "it-source-2-workers";
            Map<String, String> config = AgentLogSourceIT.sourceConfig(dir, topic);
            config.put("tasks.max", "4");
            config.put("batch.max.records", "200");
            ConnectRest rest = new ConnectRest(stack.workers().get(0));
            rest.put("it-source-2-workers", config);
            // The task list fills in over a rebalance or two: wait for all four.
            Wait.until("4 tasks RUNNING", TIMEOUT, () -> {
                com.fasterxml.jackson.databind.JsonNode tasks = rest.status("it-source-2-workers").path("tasks");
                int running = 0;
                for (com.fasterxml.jackson.databind.JsonNode t : tasks) {
                    running += "RUNNING".equals(t.path("state").asText()) ? 1 : 0;
                }
                return running == 4;
            });

            // Writers keep appending to all files while one worker dies.
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    for (int round = 0; round < 40; round++) {
                        for (int f = 0; f < FILES; f++) {
                            logs.get(f).write("f" + f + "-r" + round, 100);
                        }
                        Thread.sleep(200);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
            kafka.readUntil(topic, r -> r.size() >= 5_000, TIMEOUT);
            stack.workers().get(1).kill();
            writing.get();

            List<String> expected = new ArrayList<>();
            logs.forEach(l -> expected.addAll(l.written()));
            assertTrue(expected.size() > 30_000, "lines: " + expected.size());
            kafka.readUntil(topic, r -> r.size() >= expected.size(), TIMEOUT);
            List<String> got = AgentLogSourceIT.messages(kafka.readUntil(topic, r -> r.size() > expected.size(), Duration.ofSeconds(5)));
            AgentLogSourceIT.assertExactlyOnce(expected, got);
            rest.awaitRunning("it-source-2-workers", TIMEOUT);
        }
    }
}
