package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.S3Server;
import io.agenttelemetry.connect.stack.Wait;

/** Both sinks on a real worker: what is in the topic is in OpenSearch and S3 exactly once, also after a full replay. */
@ExtendWith(LocalStackExtension.class)
class SinksIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    static Map<String, String> openSearchConfig(LocalStack stack, String topic, String indexPrefix) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.agenttelemetry.connect.opensearch.OpenSearchSinkConnector");
        c.put("tasks.max", "1");
        c.put("topics", topic);
        c.put("connection.url", stack.openSearch().url());
        c.put("index.name.template", indexPrefix + "-{kind}-{yyyy.MM.dd}");
        c.put("batch.size", "200");
        c.put("index.templates.replicas", "0");
        c.put("consumer.override.isolation.level", "read_committed"); // as the reference configs: see their README
        return c;
    }

    static Map<String, String> s3Config(LocalStack stack, String topic, String bucket, String prefix) {
        Map<String, String> c = new HashMap<>();
        c.put("connector.class", "io.agenttelemetry.connect.s3.S3ArchiveSinkConnector");
        c.put("tasks.max", "1");
        c.put("topics", topic);
        c.put("s3.bucket.name", bucket);
        c.put("s3.endpoint", stack.s3().endpoint());
        c.put("s3.path.style.access.enabled", "true");
        c.put("aws.access.key.id", S3Server.ACCESS_KEY);
        c.put("aws.secret.access.key", S3Server.SECRET_KEY);
        c.put("path.template", prefix + "{topic}/dt={yyyy-MM-dd}/");
        c.put("flush.size", "120");
        c.put("rotate.schedule.interval.ms", "2000");
        c.put("consumer.override.isolation.level", "read_committed");
        return c;
    }

    /** Stops the connector, deletes its committed offsets (KIP-875) and resumes: it re-reads the whole topic. */
    static void replayFromTheStart(ConnectRest rest, String url, String name) {
        Http.send("PUT", url + "/connectors/" + name + "/stop", null).ok();
        Wait.until(name + " STOPPED", TIMEOUT, () -> "STOPPED".equals(rest.status(name).path("connector").path("state").asText()));
        Http.send("DELETE", url + "/connectors/" + name + "/offsets", null).ok();
        Http.send("PUT", url + "/connectors/" + name + "/resume", null).ok();
        rest.awaitRunning(name, TIMEOUT);
    }

    @Test
    void everyEventIsSearchableOnceAndArchivedOnceAlsoAfterAReplay(LocalStack stack) throws Exception {
        String topic = "it-sinks-events";
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        kafka.create(topic, 2);
        List<String> events = AgentEvents.toolSpans(500);
        kafka.produce(topic, events);

        String bucket = "it-archive";
        try (S3Objects s3 = new S3Objects(stack.s3())) {
            s3.createBucket(bucket);
            ConnectRest rest = new ConnectRest(stack.connect());
            Map<String, String> sink = openSearchConfig(stack, topic, "it-sinks");
            sink.put("index.retention.days", "7"); // the test distribution has no ISM plugin: logged, not fatal
            rest.put("it-opensearch", sink);
            rest.put("it-s3", s3Config(stack, topic, bucket, "raw/"));
            rest.awaitRunning("it-opensearch", TIMEOUT);
            rest.awaitRunning("it-s3", TIMEOUT);

            OpenSearchQueries os = new OpenSearchQueries(stack.openSearch().url());
            rest.awaitWhileRunning("it-opensearch", "500 documents in OpenSearch", TIMEOUT, () -> os.count("it-sinks-*") >= 500);
            rest.awaitWhileRunning("it-s3", "500 lines in S3", TIMEOUT, () -> s3.lines(bucket, "raw/").size() >= 500);
            AgentEvents.assertEachSpanOnce(s3.lines(bucket, "raw/"), 500);

            JsonNode span = os.search("it-sinks-spans-*", "{\"query\":{\"term\":{\"spanId\":\"" + AgentEvents.spanId(7) + "\"}}}")
                    .path("hits").path("hits").get(0).path("_source");
            assertEquals(AgentEvents.traceId(7), span.path("traceId").asText());
            assertEquals("SPAN_KIND_INTERNAL", span.path("kind").asText());
            assertEquals("", span.path("parentSpanId").asText());
            assertEquals("read_file", span.path("attributes").path("gen_ai.tool.name").asText());
            // The template follows index.name.template: the index the sink wrote has its mappings.
            JsonNode mapping = Http.get(stack.openSearch().url() + "/it-sinks-spans-*/_mapping").ok().json();
            JsonNode properties = mapping.elements().next().path("mappings").path("properties");
            assertEquals("date_nanos", properties.path("startTime").path("type").asText(), "the sink installed its span template");
            assertEquals("long", properties.path("durationInNanos").path("type").asText());
            assertTrue(java.nio.file.Files.readString(stack.connect().process().log()).contains("no Index State Management plugin"),
                    "a missing ISM plugin is reported in the log");

            replayFromTheStart(rest, stack.connect().restUrl(), "it-opensearch");
            replayFromTheStart(rest, stack.connect().restUrl(), "it-s3");
            // The replay is done when the sinks have committed the end of the topic again.
            Wait.until("replay committed", TIMEOUT, () -> committedTotal(stack, "connect-it-opensearch") >= 500
                    && committedTotal(stack, "connect-it-s3") >= 500);
            assertEquals(500, os.count("it-sinks-*"), "documents after replay");
            AgentEvents.assertEachSpanOnce(s3.lines(bucket, "raw/"), 500);
            rest.delete("it-opensearch");
            rest.delete("it-s3");
        }
    }

    @Test
    void eventsReadAsBytesAreIndexedAsTheyAreThroughJsonConverter(LocalStack stack) throws Exception {
        String topic = "it-sinks-bytes";
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        kafka.create(topic, 2);
        List<String> events = new ArrayList<>(AgentEvents.toolSpans(200));
        for (int i = 0; i < 20; i++) {
            events.add("{\"schemaVersion\":1,\"eventType\":\"LOG\",\"traceId\":\"" + AgentEvents.traceId(i).toUpperCase(Locale.ROOT)
                    + "\",\"spanId\":null,\"name\":null,\"startTimeUnixNano\":" + (1_764_151_200_000_000_000L + i)
                    + ",\"severityText\":\"ERROR\",\"severityNumber\":17,\"body\":\"tool failed: \\\"quota\\\" é 漢字 \\u2028 #" + i
                    + "\",\"serviceName\":\"support-agent\",\"resourceAttributes\":{\"service.name\":\"support-agent\"},"
                    + "\"attributes\":{\"code.line\":\"" + i + "\"},\"source\":{\"file\":\"/var/log/agent.log\",\"offset\":" + i * 100
                    + ",\"format\":\"jsonl\"}}");
        }
        kafka.produce(topic, events);
        ConnectRest rest = new ConnectRest(stack.connect());
        rest.put("it-os-json", openSearchConfig(stack, topic, "it-json"));
        Map<String, String> bytes = openSearchConfig(stack, topic, "it-bytes");
        bytes.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        rest.put("it-os-bytes", bytes);
        OpenSearchQueries os = new OpenSearchQueries(stack.openSearch().url());
        rest.awaitWhileRunning("it-os-json", "220 documents", TIMEOUT, () -> os.count("it-json-*") >= 220);
        rest.awaitWhileRunning("it-os-bytes", "220 documents", TIMEOUT, () -> os.count("it-bytes-*") >= 220);

        // Written from the record's bytes or from JsonConverter's maps, every document is the same, under the same id.
        Map<String, JsonNode> throughMaps = documents(os, "it-json");
        assertEquals(220, throughMaps.size());
        assertEquals(throughMaps, documents(os, "it-bytes"));
        rest.delete("it-os-json");
        rest.delete("it-os-bytes");
    }

    /** Each document's source by index (without the prefix) and id, without ingestLagMs, which differs by run. */
    private static Map<String, JsonNode> documents(OpenSearchQueries os, String prefix) {
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode hit : os.search(prefix + "-*", "{\"size\":1000}").path("hits").path("hits")) {
            ObjectNode source = hit.path("_source").deepCopy();
            ((ObjectNode) source.path("agentTelemetry")).remove("ingestLagMs");
            out.put(hit.path("_index").asText().substring(prefix.length()) + "/" + hit.path("_id").asText(), source);
        }
        return out;
    }

    @Test
    void dataStreamsHoldEveryEventOnceAlsoAfterAReplay(LocalStack stack) throws Exception {
        String topic = "it-sinks-data-streams";
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        kafka.create(topic, 2);
        kafka.produce(topic, AgentEvents.toolSpans(300));
        Map<String, String> c = openSearchConfig(stack, topic, "unused");
        c.put("index.name.template", "it-ds-{kind}-{sensitivity}");
        c.put("data.stream.enabled", "true");
        ConnectRest rest = new ConnectRest(stack.connect());
        rest.put("it-data-streams", c);
        rest.awaitRunning("it-data-streams", TIMEOUT);
        OpenSearchQueries os = new OpenSearchQueries(stack.openSearch().url());
        rest.awaitWhileRunning("it-data-streams", "300 documents in data streams", TIMEOUT, () -> os.count("it-ds-*") >= 300);

        // Records without a sensitivity header count as restricted.
        JsonNode stream = Http.get(stack.openSearch().url() + "/_data_stream/it-ds-spans-restricted").ok().json().path("data_streams").get(0);
        assertEquals("it-ds-spans-data-stream", stream.path("template").asText());
        JsonNode doc = os.search("it-ds-spans-restricted", "{\"query\":{\"term\":{\"spanId\":\"" + AgentEvents.spanId(3) + "\"}}}")
                .path("hits").path("hits").get(0).path("_source");
        assertEquals(doc.path("startTime").asText().substring(0, 23), doc.path("@timestamp").asText().substring(0, 23),
                "@timestamp is the event time");

        replayFromTheStart(rest, stack.connect().restUrl(), "it-data-streams");
        Wait.until("replay committed", TIMEOUT, () -> committedTotal(stack, "connect-it-data-streams") >= 300);
        assertEquals(300, os.count("it-ds-*"), "a replay adds nothing: its creates are conflicts");
        rest.delete("it-data-streams");
    }


    /** Sum of a consumer group's committed offsets over the topic's partitions. */
    static long committedTotal(LocalStack stack, String group) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", stack.kafka().bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .filter(o -> o != null).mapToLong(o -> o.offset()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void theIndexTemplatesAreInPlaceOnceTheTaskRunsBeforeAnyRecord(LocalStack stack) throws Exception {
        String topic = "it-sinks-quiet";
        new KafkaTopics(stack.kafka().bootstrapServers()).create(topic, 1);
        ConnectRest rest = new ConnectRest(stack.connect());
        rest.put("it-quiet", openSearchConfig(stack, topic, "it-quiet"));
        rest.awaitRunning("it-quiet", TIMEOUT);
        String url = stack.openSearch().url();
        for (String kind : List.of("spans", "logs")) {
            Http.Response[] reply = new Http.Response[1];
            Wait.until("the " + kind + " template", Duration.ofSeconds(20),
                    () -> (reply[0] = Http.send("GET", url + "/_index_template/it-quiet-" + kind, null)).status() == 200);
            JsonNode template = Http.mapper().readTree(reply[0].body());
            assertEquals("it-quiet-" + kind + "-*", template.path("index_templates").get(0).path("index_template")
                    .path("index_patterns").get(0).asText());
        }
        rest.delete("it-quiet");
    }

    @Test
    void aDocumentOpenSearchRejectsGoesToTheDeadLetterQueueAndTheRestIsIndexed(LocalStack stack) throws Exception {
        String topic = "it-sinks-malformed";
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        kafka.create(topic, 1);
        // "n" is a number first, an object later: a mapping conflict OpenSearch refuses for that one document.
        kafka.produce(topic, List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":{\"nested\":true}}", "{\"n\":4}"));
        Map<String, String> c = openSearchConfig(stack, topic, "it-malformed");
        c.put("behavior.on.malformed.documents", "report");
        c.put("errors.tolerance", "all");
        c.put("errors.deadletterqueue.topic.name", topic + ".dlq");
        c.put("errors.deadletterqueue.topic.replication.factor", "1");
        c.put("errors.deadletterqueue.context.headers.enable", "true");
        ConnectRest rest = new ConnectRest(stack.connect());
        rest.put("it-malformed", c);
        rest.awaitRunning("it-malformed", TIMEOUT);
        OpenSearchQueries os = new OpenSearchQueries(stack.openSearch().url());
        Wait.until("3 documents indexed", TIMEOUT, () -> os.count("it-malformed-*") >= 3);
        List<ConsumerRecord<String, String>> dlq = kafka.readUntil(topic + ".dlq", r -> r.size() >= 1, TIMEOUT);
        assertEquals(1, dlq.size());
        assertTrue(dlq.get(0).value().contains("nested"), dlq.get(0).value());
        assertEquals(3, os.count("it-malformed-*"));
        assertEquals("RUNNING", rest.status("it-malformed").path("tasks").get(0).path("state").asText());
        rest.delete("it-malformed");
    }

    @Test
    void avroObjectsRotateByEventTimeStayWithinTheMemoryBoundAndHoldEveryEventOnce(LocalStack stack) throws Exception {
        String topic = "it-sinks-avro";
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        kafka.create(topic, 3);
        int count = 1500;
        long base = 1_764_151_200_000L; // 2025-11-26T10:00:00Z
        List<Long> timestamps = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            timestamps.add(base + i * 7_200L); // three hours of events
        }
        kafka.produce(topic, AgentEvents.toolSpans(0, count), timestamps);
        String bucket = "it-avro";
        try (S3Objects s3 = new S3Objects(stack.s3())) {
            s3.createBucket(bucket);
            Map<String, String> c = s3Config(stack, topic, bucket, "avro/");
            c.put("format", "avro");
            c.put("avro.codec", "zstandard");
            c.put("path.template", "avro/{topic}/dt={yyyy-MM-dd}/hour={HH}/");
            c.put("flush.size", "100000");
            c.put("rotate.interval.ms", "3600000");
            c.put("buffer.max.bytes", "20000");
            // No s3.object.tags here: S3Proxy does not implement object tagging.
            ConnectRest rest = new ConnectRest(stack.connect());
            rest.put("it-s3-avro", c);
            rest.awaitRunning("it-s3-avro", TIMEOUT);
            Wait.until(count + " records in Avro objects", TIMEOUT, () -> s3.avroRecords(bucket, "avro/").size() >= count);

            Set<String> spans = new HashSet<>();
            for (org.apache.avro.generic.GenericRecord r : s3.avroRecords(bucket, "avro/")) {
                assertTrue(spans.add(r.get("spanId").toString()), "archived twice: " + r.get("spanId"));
            }
            assertEquals(count, spans.size());
            List<String> keys = s3.keys(bucket, "avro/");
            long recordsInMetadata = 0;
            for (String key : keys) {
                assertTrue(key.endsWith(".avro"), key);
                recordsInMetadata += Long.parseLong(s3.metadata(bucket, key).get("record-count"));
                // Every record of an object falls in the hour its key names: event-time rotation.
                int hour = Integer.parseInt(key.replaceAll(".*/hour=(\\d\\d)/.*", "$1"));
                for (org.apache.avro.generic.GenericRecord r : s3.avroRecords(bucket, key)) {
                    long i = Long.parseLong(r.get("spanId").toString(), 16) - Long.parseLong(AgentEvents.spanId(0), 16);
                    long recordHour = java.time.Instant.ofEpochMilli(timestamps.get((int) i)).atZone(java.time.ZoneOffset.UTC).getHour();
                    assertEquals(hour, recordHour, key + " holds a record of another hour");
                }
            }
            assertEquals(count, recordsInMetadata);
            assertTrue(keys.size() > 12, "the 20 kB memory bound writes objects early: " + keys.size() + " objects");
            for (String hour : List.of("10", "11", "12")) {
                assertTrue(keys.stream().anyMatch(k -> k.contains("/hour=" + hour + "/")), "objects of hour " + hour);
            }
            rest.delete("it-s3-avro");
        }
    }
}
