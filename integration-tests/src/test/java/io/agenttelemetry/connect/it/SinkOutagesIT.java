package io.agenttelemetry.connect.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.LocalStack;
import io.agenttelemetry.connect.stack.Wait;

/**
 * OpenSearch, then the S3 server, stopped for 30 s while events keep arriving, then the worker killed with SIGKILL
 * mid-write: both sinks stay (or come back) RUNNING, catch up, and hold every event exactly once. Its own stack,
 * since it stops shared servers.
 */
class SinkOutagesIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void bothSinksSurviveThirtySecondOutagesAndAWorkerCrashAndLoseAndDoubleNothing() throws Exception {
        try (LocalStack stack = Stacks.builder("sink-outages").start(); S3Objects s3 = new S3Objects(stack.s3())) {
            String topic = "it-outage-events";
            String bucket = "it-outage";
            KafkaTopics kafka = new KafkaTopics(stack.kafka().bootstrapServers());
            kafka.create(topic, 2);
            s3.createBucket(bucket);
            kafka.produce(topic, AgentEvents.toolSpans(0, 1000));
            ConnectRest rest = new ConnectRest(stack.connect());
            rest.put("it-outage-os", SinksIT.openSearchConfig(stack, topic, "it-outage"));
            rest.put("it-outage-s3", SinksIT.s3Config(stack, topic, bucket, "raw/"));
            rest.awaitRunning("it-outage-os", TIMEOUT);
            rest.awaitRunning("it-outage-s3", TIMEOUT);
            OpenSearchQueries os = new OpenSearchQueries(stack.openSearch().url());
            Wait.until("1000 documents", TIMEOUT, () -> os.count("it-outage-*") >= 1000);

            stack.openSearch().stop();
            kafka.produce(topic, AgentEvents.toolSpans(1000, 1000));
            Thread.sleep(OUTAGE.toMillis());
            rest.assertTasksRunning("it-outage-os");
            stack.openSearch().startAgain(TIMEOUT);
            Wait.until("2000 documents after the OpenSearch outage", TIMEOUT, () -> os.count("it-outage-*") >= 2000);
            assertEquals(2000, os.count("it-outage-*"));
            rest.assertTasksRunning("it-outage-os");

            Wait.until("2000 lines in S3", TIMEOUT, () -> s3.lines(bucket, "raw/").size() >= 2000);
            stack.s3().stop();
            kafka.produce(topic, AgentEvents.toolSpans(2000, 1000));
            Thread.sleep(OUTAGE.toMillis());
            rest.assertTasksRunning("it-outage-s3");
            stack.s3().startAgain(TIMEOUT);
            Wait.until("3000 lines in S3 after the S3 outage", TIMEOUT, () -> s3.lines(bucket, "raw/").size() >= 3000);
            Thread.sleep(3000); // a duplicate, if any, would be written by now
            AgentEvents.assertEachSpanOnce(s3.lines(bucket, "raw/"), 3000);
            rest.assertTasksRunning("it-outage-s3");
            Wait.until("3000 documents", TIMEOUT, () -> os.count("it-outage-*") >= 3000);
            assertEquals(3000, os.count("it-outage-*"));

            // kill -9 of the worker while both sinks are writing, then a restart: still every event exactly once.
            kafka.produce(topic, AgentEvents.toolSpans(3000, 3000));
            Wait.until("the sinks are writing the new events", TIMEOUT, () -> os.count("it-outage-*") > 3200);
            stack.connect().kill();
            stack.connect().startAgain(TIMEOUT);
            rest.awaitRunning("it-outage-os", TIMEOUT);
            rest.awaitRunning("it-outage-s3", TIMEOUT);
            Wait.until("6000 documents after the crash", TIMEOUT, () -> os.count("it-outage-*") >= 6000);
            Wait.until("6000 lines in S3 after the crash", TIMEOUT, () -> s3.lines(bucket, "raw/").size() >= 6000);
            Thread.sleep(3000);
            assertEquals(6000, os.count("it-outage-*"));
            AgentEvents.assertEachSpanOnce(s3.lines(bucket, "raw/"), 6000);
        }
    }


}
