package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.stack.ConnectWorker;
import io.agenttelemetry.connect.stack.LocalStack;

/** kill -9 of the worker in the middle of a file, with exactly-once source support on: each line once in Kafka. */
class AgentLogSourceExactlyOnceIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void killNineMidFileThenRestartKeepsEveryLineExactlyOnce() throws Exception {
        // A short rebalance delay: the crashed worker's tasks go back without waiting out the 5-minute default.
        try (LocalStack stack = Stacks.builder("source-eos").exactlyOnceSource(true).openSearch(false).s3(false)
                .workerProperty("scheduled.rebalance.max.delay.ms", "5000").start()) {
            Path dir = Files.createDirectories(stack.workDir().resolve("logs"));
            AgentLogFiles log = new AgentLogFiles(dir.resolve("agent.log"));
            log.write("line", 30_000);
            String topic = "it-source-eos";
            Map<String, String> config = AgentLogSourceIT.sourceConfig(dir, topic);
            config.put("batch.max.records", "500");
            ConnectRest rest = new ConnectRest(stack.connect());
            rest.put("it-source-eos", config);
            rest.awaitRunning("it-source-eos", TIMEOUT);
            KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());

            int seen = kafka.readUntil(topic, r -> r.size() >= 3_000, TIMEOUT).size();
            ConnectWorker worker = stack.connect();
            worker.kill();
            assertTrue(seen < log.written().size(), "killed before the end of the file (" + seen + " read)");
            log.write("after-crash", 2_000);
            worker.startAgain(TIMEOUT);
            rest.awaitRunning("it-source-eos", TIMEOUT);

            List<String> expected = log.written();
            kafka.readUntil(topic, r -> r.size() >= expected.size(), TIMEOUT);
            List<String> got = AgentLogSourceIT.messages(kafka.readUntil(topic, r -> r.size() > expected.size(), Duration.ofSeconds(5)));
            AgentLogSourceIT.assertExactlyOnce(expected, got);
        }
    }
}
