package io.agenttelemetry.connect.stack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A single-node Kafka broker in KRaft mode (broker and controller in one process) on 127.0.0.1. */
public final class KafkaBroker extends LocalServer {
    private final StackLayout layout;
    private final Path dir;
    private final String heap;
    private final Map<String, String> extraProperties;
    private final int port = Ports.free();
    private final int controllerPort = Ports.free();
    private Path serverProperties;

    KafkaBroker(StackLayout layout, Path dir, String heap, Map<String, String> extraProperties) {
        super(Duration.ofSeconds(30));
        this.layout = layout;
        this.dir = dir;
        this.heap = heap;
        this.extraProperties = extraProperties;
    }

    /** Formats storage on the first start; later starts reuse the data. */
    @Override
    void start() {
        if (serverProperties == null) {
            format();
        }
        launch();
    }

    private void format() {
        Map<String, String> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", dir.resolve("data").toString());
        props.put("num.partitions", "1");
        // One node: every internal topic must make do with one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.putAll(extraProperties);
        serverProperties = ConfigFiles.writeProperties(dir.resolve("server.properties"), props);
        Path log4j = ConfigFiles.writeLog4j2(dir.resolve("log4j2.properties"));

        ManagedProcess.run("kafka-storage-format", List.of(StackLayout.java(), "-cp", layout.kafkaClasspath(),
                        "-Dlog4j2.configurationFile=" + log4j, "kafka.tools.StorageTool", "format",
                        "-t", clusterId(), "-c", serverProperties.toString(), "--standalone"),
                Map.of(), dir, dir.resolve("storage-format.log"), Duration.ofSeconds(60));
    }

    private void launch() {
        process = ManagedProcess.start("kafka", List.of(StackLayout.java(), "-Xmx" + heap, "-Xms" + heap,
                        "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                        "-cp", layout.kafkaClasspath(), "kafka.Kafka", serverProperties.toString()),
                Map.of(), dir, dir.resolve("kafka.log"));
    }

    @Override
    void awaitReady(Duration timeout) {
        Wait.until("Kafka broker on port " + port, timeout, () -> Ports.listening(port), process);
    }

    /** The port must be free before the broker binds it again. */
    @Override
    public void stop() {
        super.stop();
        Wait.until("broker port " + port + " to close", Duration.ofSeconds(30), () -> !Ports.listening(port));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Kafka's Uuid text form: 16 random bytes, base64url without padding, never starting with '-'. */
    private static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
