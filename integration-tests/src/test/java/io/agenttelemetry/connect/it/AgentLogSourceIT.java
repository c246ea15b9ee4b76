package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.Wait;

/** The source connector on a real distributed worker, created over REST, read back from Kafka. */
@ExtendWith(LocalStackExtension.class)
class AgentLogSourceIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    static Map<String, String> sourceConfig(Path dir, String topic) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.agenttelemetry.connect.source.AgentLogSourceConnector");
        c.put("tasks.max", "1");
        c.put("paths", dir + "/**.log*");
        c.put("format", "auto");
        c.put("topic", topic);
        c.put("error.topic", topic + ".errors");
        c.put("discovery.interval.ms", "200");
        c.put("poll.interval.ms", "50");
        return c;
    }

    static List<String> messages(List<ConsumerRecord<String, String>> records) {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            out.add(body(r.value()));
        }
        return out;
    }

    /** The body of an agent event as the worker's JsonConverter wrote it. */
    static String body(String json) {
        try {
            return Http.mapper().readTree(json).path("body").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static void assertExactlyOnce(List<String> expected, List<String> got) {
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(got);
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (String g : got) {
            if (!seen.add(g)) {
                duplicates.add(g);
            }
        }
        assertEquals(Set.of(), missing, "lost lines");
        assertEquals(List.of(), duplicates, "duplicated lines");
        assertEquals(expected.size(), got.size());
    }

    @Test
    void appendsAndAHundredRenameAndCopytruncateRotationsWhileRunningArriveExactlyOnce(LocalStack stack) throws Exception {
        Path dir = Files.createDirectories(Stacks.workDir("source-rotation-" + System.nanoTime()));
        String topic = "it-source-rotation";
        AgentLogFiles log = new AgentLogFiles(dir.resolve("agent.log"));
        log.write("before-start", 50);
        ConnectRest rest = new ConnectRest(stack.connect());
        rest.put("it-source-rotation", sourceConfig(dir, topic));
        rest.awaitRunning("it-source-rotation", TIMEOUT);
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        // 100 rotations, alternating rename and copytruncate, while lines keep coming and the connector reads.
        for (int round = 0; round < 100; round++) {
            log.write("round" + round, 30);
            if (round % 10 == 0) {
                int sofar = log.written().size() - 30;
                kafka.readUntil(topic, r -> r.size() >= sofar, Duration.ofSeconds(30));
            }
            if (round % 2 == 0) {
                log.rotateByRename();
            } else {
                log.rotateByCopyTruncate();
            }
            log.write("after" + round, 3);
            Thread.sleep(20);
        }
        List<String> expected = log.written();
        List<String> got = messages(kafka.readUntil(topic, r -> r.size() >= expected.size(), TIMEOUT));
        // Give a duplicate, if there were one, time to show up.
        got = messages(kafka.readUntil(topic, r -> r.size() > expected.size(), Duration.ofSeconds(3)));
        assertExactlyOnce(expected, got);
        rest.delete("it-source-rotation");
    }

    @Test
    void rotationsThatCompressArriveExactlyOnceAlsoWhenTheConnectorWasStoppedMeanwhile(LocalStack stack) throws Exception {
        Path dir = Files.createDirectories(Stacks.workDir("source-compress-" + System.nanoTime()));
        String topic = "it-source-compress";
        String name = "it-source-compress";
        AgentLogFiles log = new AgentLogFiles(dir.resolve("agent.log"));
        log.write("before-start", 50);
        ConnectRest rest = new ConnectRest(stack.connect());
        rest.put(name, sourceConfig(dir, topic));
        rest.awaitRunning(name, TIMEOUT);
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        // While it runs: the rotated file is compressed and gone at once, often before the connector read its end.
        for (int round = 0; round < 20; round++) {
            log.write("round" + round, 30);
            log.rotateByRenameAndCompress();
            log.write("after" + round, 3);
            Thread.sleep(20);
        }
        kafka.readUntil(topic, r -> r.size() >= log.written().size(), TIMEOUT);
        // While it is stopped: lines it has not read are compressed away; it reads them from the .gz file.
        String url = stack.connect().restUrl();
        Http.send("PUT", url + "/connectors/" + name + "/stop", null).ok();
        Wait.until(name + " STOPPED", TIMEOUT, () -> "STOPPED".equals(rest.status(name).path("connector").path("state").asText()));
        log.write("while-stopped", 40);
        log.rotateByRenameAndCompress();
        log.write("new-file", 10);
        Http.send("PUT", url + "/connectors/" + name + "/resume", null).ok();
        rest.awaitRunning(name, TIMEOUT);
        List<String> expected = log.written();
        kafka.readUntil(topic, r -> r.size() >= expected.size(), TIMEOUT);
        List<String> got = messages(kafka.readUntil(topic, r -> r.size() > expected.size(), Duration.ofSeconds(3)));
        assertExactlyOnce(expected, got);
        rest.delete(name);
    }

    @Test
    void filesThatStartWithTheSameHeaderLineArriveWholeAndOnce(LocalStack stack) throws Exception {
        Path dir = Files.createDirectories(Stacks.workDir("source-same-header-" + System.nanoTime()));
        String topic = "it-source-same-header";
        String header = AgentLogFiles.line("session header") + "\n";
        Path planner = dir.resolve("planner.log");
        Path coder = dir.resolve("coder.log");
        List<String> expected = new ArrayList<>();
        AgentLogFiles plannerLog = new AgentLogFiles(planner);
        AgentLogFiles coderLog = new AgentLogFiles(coder);
        Files.writeString(planner, header);
        Files.writeString(coder, header);
        plannerLog.write("planner", 20);
        coderLog.write("coder", 20);
        expected.addAll(List.of("session header", "session header"));
        ConnectRest rest = new ConnectRest(stack.connect());
        rest.put("it-source-same-header", sourceConfig(dir, topic));
        rest.awaitRunning("it-source-same-header", TIMEOUT);
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        kafka.readUntil(topic, r -> r.size() >= 42, TIMEOUT);

        // Rotated by rename: the new file starts like the old one, which is still there.
        plannerLog.rotateByRename();
        Files.writeString(planner, header);
        plannerLog.write("planner-new", 5);
        // Deleted once read, then started again, shorter than the offset the old one reached.
        Files.delete(coder);
        Thread.sleep(1000);
        Files.writeString(coder, header);
        coderLog.write("coder-new", 3);
        expected.addAll(List.of("session header", "session header"));
        expected.addAll(plannerLog.written());
        expected.addAll(coderLog.written());

        kafka.readUntil(topic, r -> r.size() >= expected.size(), TIMEOUT);
        List<String> got = messages(kafka.readUntil(topic, r -> r.size() > expected.size(), Duration.ofSeconds(3)));
        got.sort(null);
        expected.sort(null);
        assertEquals(expected, got, "each line of each file once, the header once per file");
        rest.delete("it-source-same-header");
    }

    @Test
    void unreadableLinesGoToTheErrorTopicAndGoodOnesFlow(LocalStack stack) throws Exception {
        Path dir = Files.createDirectories(Stacks.workDir("source-errors-" + System.nanoTime()));
        Path file = dir.resolve("agent.log");
        Files.writeString(file, AgentLogFiles.line("good-1") + "\n{broken json\n" + AgentLogFiles.line("good-2") + "\n");
        String topic = "it-source-errors";
        ConnectRest rest = new ConnectRest(stack.connect());
        Map<String, String> config = sourceConfig(dir, topic);
        config.put("format", "jsonl");
        rest.put("it-source-errors", config);
        rest.awaitRunning("it-source-errors", TIMEOUT);
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        assertEquals(List.of("good-1", "good-2"), messages(kafka.readUntil(topic, r -> r.size() >= 2, TIMEOUT)));
        List<ConsumerRecord<String, String>> errors = kafka.readUntil(topic + ".errors", r -> r.size() >= 1, TIMEOUT);
        assertEquals(1, errors.size());
        JsonNode error = Http.mapper().readTree(errors.get(0).value());
        assertEquals(file.toString(), error.path("file").asText());
        assertEquals(2, error.path("line").asLong());
        assertTrue(error.path("reason").asText().startsWith("not JSON"), error.toString());
        assertEquals("RUNNING", rest.status("it-source-errors").path("tasks").get(0).path("state").asText());
        rest.delete("it-source-errors");
    }
    @Test
    void valueFormatJsonThroughByteArrayConverterWritesTheRecordsJsonConverterWritesForStructs(LocalStack stack) throws Exception {
        Path dir = Files.createDirectories(Stacks.workDir("source-value-format-" + System.nanoTime()));
        AgentLogFiles log = new AgentLogFiles(dir.resolve("agent.log"));
        log.write("plain", 20);
        log.write("odd", 20, id -> id + " \\\" quote, t\\tab, Grüße 東京 \uD83D\uDE80", ",\"user\":{\"name\":\"Zoë\"},\"n\":1.5");
        Files.writeString(dir.resolve("agent.log"), "{broken json\n", java.nio.file.StandardOpenOption.APPEND);
        ConnectRest rest = new ConnectRest(stack.connect());
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        Map<String, List<String>> values = new HashMap<>();
        for (String format : List.of("struct", "json")) {
            String name = "it-source-value-" + format;
            Map<String, String> config = sourceConfig(dir, name);
            config.put("value.format", format);
            if (format.equals("json")) {
                config.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
            }
            rest.put(name, config);
            rest.awaitRunning(name, TIMEOUT);
            List<String> got = new ArrayList<>();
            for (ConsumerRecord<String, String> r : kafka.readUntil(name, r -> r.size() >= 40, TIMEOUT)) {
                got.add(r.key() + " " + r.value());
            }
            for (ConsumerRecord<String, String> r : kafka.readUntil(name + ".errors", r -> r.size() >= 1, TIMEOUT)) {
                got.add(r.key() + " " + r.value());
            }
            got.sort(null);
            values.put(format, got);
            rest.delete(name);
        }
        assertEquals(41, values.get("json").size());
        assertEquals(values.get("struct"), values.get("json"));
        assertTrue(values.get("json").stream().anyMatch(v -> v.contains("Grüße 東京")), values.get("json").get(0));
    }
}
