package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.S3Server;
import io.agenttelemetry.connect.stack.Wait;

/** The S3 sink's large objects (multipart uploads) and assumed-role credentials, on a real worker and S3 server. */
@ExtendWith(LocalStackExtension.class)
class S3ArchiveSinkIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void largeObjectsGoByMultipartUploadAndAReplayAddsNothing(LocalStack stack) throws Exception {
        String topic = "it-s3-multipart";
        int count = 20_000; // about 14 MB of JSON: objects of 12 MiB in 5 MiB parts, and a smaller one
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        kafka.create(topic, 1);
        kafka.produce(topic, AgentEvents.toolSpans(0, count));
        String bucket = "it-multipart";
        try (S3Objects s3 = new S3Objects(stack.s3())) {
            s3.createBucket(bucket);
            Map<String, String> c = SinksIT.s3Config(stack, topic, bucket, "big/");
            c.put("compression", "none");
            c.put("flush.size", "1000000");
            c.put("flush.bytes", Long.toString(12L * 1024 * 1024));
            c.put("s3.part.size", Integer.toString(5 * 1024 * 1024));
            c.put("rotate.schedule.interval.ms", "5000");
            ConnectRest rest = new ConnectRest(stack.connect());
            rest.put("it-s3-multipart", c);
            rest.awaitRunning("it-s3-multipart", TIMEOUT);
            Wait.until(count + " lines in S3", TIMEOUT, () -> s3.lines(bucket, "big/").size() >= count);
            AgentEvents.assertEachSpanOnce(s3.lines(bucket, "big/"), count);

            List<String> keys = s3.keys(bucket, "big/");
            Map<String, String> eTags = new HashMap<>();
            int multipart = 0;
            for (String key : keys) {
                eTags.put(key, s3.eTag(bucket, key));
                Map<String, String> meta = s3.metadata(bucket, key);
                if (meta.containsKey("writer-id")) {
                    multipart++;
                    // A multipart object's end offset is in its offsets marker, written before the upload completed.
                    assertNull(meta.get("end-offset"), key);
                    String marker = key.substring(0, key.lastIndexOf('/') + 1) + "_" + key.substring(key.lastIndexOf('/') + 1)
                            + "." + meta.get("writer-id") + ".offsets";
                    assertNotNull(s3.metadata(bucket, marker).get("end-offset"), marker);
                }
            }
            assertTrue(multipart >= 1, "objects over 5 MiB go by multipart upload: " + keys);
            assertEquals(0, s3.openMultipartUploads(bucket), "no upload left open");

            // A full replay finds every object (single PUT or multipart) already there and adds or replaces none.
            SinksIT.replayFromTheStart(rest, stack.connect().restUrl(), "it-s3-multipart");
            Wait.until("replay committed", TIMEOUT, () -> SinksIT.committedTotal(stack, "connect-it-s3-multipart") >= count);
            assertEquals(keys, s3.keys(bucket, "big/"));
            for (String key : keys) {
                assertEquals(eTags.get(key), s3.eTag(bucket, key), key + " was rewritten");
            }
            AgentEvents.assertEachSpanOnce(s3.lines(bucket, "big/"), count);
            assertEquals(0, s3.openMultipartUploads(bucket), "the replay's uploads under existing keys were aborted");

            // A replay with smaller objects: its first object's key exists and ends far later, so the sink moves on
            // to just after it, again and again, while later records are already taken; still nothing is added.
            c.put("flush.size", "1500");
            rest.put("it-s3-multipart", c);
            SinksIT.replayFromTheStart(rest, stack.connect().restUrl(), "it-s3-multipart");
            Wait.until("second replay committed", TIMEOUT, () -> SinksIT.committedTotal(stack, "connect-it-s3-multipart") >= count);
            assertEquals(keys, s3.keys(bucket, "big/"));
            AgentEvents.assertEachSpanOnce(s3.lines(bucket, "big/"), count);
            assertEquals(0, s3.openMultipartUploads(bucket), "no upload left open");
            rest.delete("it-s3-multipart");
        }
    }

    @Test
    void writesWithCredentialsOfAnAssumedRole(LocalStack stack) throws Exception {
        String topic = "it-s3-role";
        KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
        kafka.create(topic, 1);
        kafka.produce(topic, AgentEvents.toolSpans(0, 300));
        String bucket = "it-role";
        // No STS server can be run here: this endpoint answers AssumeRole with the S3 server's own keys as the role's
        // temporary credentials. The base keys below are unknown to the S3 server, so only the role's keys can write.
        List<String> assumeRequests = new CopyOnWriteArrayList<>();
        HttpServer sts = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sts.createContext("/", exchange -> answerAssumeRole(exchange, assumeRequests));
        sts.start();
        try (S3Objects s3 = new S3Objects(stack.s3())) {
            s3.createBucket(bucket);
            Map<String, String> c = SinksIT.s3Config(stack, topic, bucket, "role/");
            // Secrets through the worker's file config provider, as the reference configs do: the REST API shows the
            // placeholder, never the value.
            java.nio.file.Path secrets = Stacks.secretsFile("it-s3-role",
                    "secret=base-secret-not-known-to-the-s3-server\nexternal=it-external-id\n");
            c.put("aws.access.key.id", "AKIABASEKEYEXAMPLE01");
            c.put("aws.secret.access.key", "${file:" + secrets + ":secret}");
            c.put("aws.sts.role.arn", "arn:aws:iam::123456789012:role/agent-archive-writer");
            c.put("aws.sts.role.external.id", "${file:" + secrets + ":external}");
            c.put("aws.sts.endpoint", "http://127.0.0.1:" + sts.getAddress().getPort());
            ConnectRest rest = new ConnectRest(stack.connect());
            rest.put("it-s3-role", c);
            rest.awaitRunning("it-s3-role", TIMEOUT);
            Wait.until("300 lines in S3", TIMEOUT, () -> s3.lines(bucket, "role/").size() >= 300);
            AgentEvents.assertEachSpanOnce(s3.lines(bucket, "role/"), 300);

            assertTrue(!assumeRequests.isEmpty(), "the sink assumed the role");
            String request = assumeRequests.get(0);
            assertTrue(request.contains("Action=AssumeRole"), request);
            assertTrue(request.contains("RoleArn=arn:aws:iam::123456789012:role/agent-archive-writer"), request);
            assertTrue(request.contains("ExternalId=it-external-id"), request);
            assertTrue(request.contains("Credential=AKIABASEKEYEXAMPLE01/"), "AssumeRole is signed with the base keys: " + request);
            String config = Http.get(stack.connect().restUrl() + "/connectors/it-s3-role").ok().body();
            assertTrue(!config.contains("base-secret-not-known") && !config.contains("it-external-id"),
                    "secrets are hidden in the REST config output: " + config);
            String workerLog = java.nio.file.Files.readString(stack.connect().process().log());
            assertTrue(!workerLog.contains("base-secret-not-known") && !workerLog.contains("it-session-token"),
                    "no secret in the worker's log");
            rest.delete("it-s3-role");
        } finally {
            sts.stop(0);
        }
    }

    private static void answerAssumeRole(HttpExchange exchange, List<String> requests) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(URLDecoder.decode(body, StandardCharsets.UTF_8) + " Authorization: "
                + exchange.getRequestHeaders().getFirst("Authorization"));
        String xml = "<AssumeRoleResponse><AssumeRoleResult><Credentials>"
                + "<AccessKeyId>" + S3Server.ACCESS_KEY + "</AccessKeyId>"
                + "<SecretAccessKey>" + S3Server.SECRET_KEY + "</SecretAccessKey>"
                + "<SessionToken>it-session-token</SessionToken>"
                + "<Expiration>" + Instant.now().plus(Duration.ofHours(1)) + "</Expiration>"
                + "</Credentials><AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:agent-telemetry-connect</AssumedRoleId>"
                + "<Arn>arn:aws:sts::123456789012:assumed-role/agent-archive-writer/agent-telemetry-connect</Arn>"
                + "</AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>it</RequestId></ResponseMetadata>"
                + "</AssumeRoleResponse>";
        byte[] out = xml.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(200, out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

}
