package io.agenttelemetry.connect.stack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process) on 127.0.0.1. With SASL on, the
 * client listener takes SASL/PLAIN logins of the users {@link #ADMIN}, {@link #CONNECT} and {@link #SRE} (passwords
 * made up per stack) and authorizes with StandardAuthorizer ACLs: admin and connect are super users, everyone else
 * gets only what ACLs grant.
 */
public final class KafkaBroker extends LocalServer {
    public static final String ADMIN = "admin";
    public static final String CONNECT = "connect";
    public static final String SRE = "sre";

    private final StackLayout layout;
    private final Path dir;
    private final String heap;
    private final Map<String, String> extraProperties;
    private final int port = Ports.free();
    private final int controllerPort = Ports.free();
    private final boolean sasl;
    private final Map<String, String> passwords = new HashMap<>();
    private Path serverProperties;

    KafkaBroker(StackLayout layout, Path dir, String heap, Map<String, String> extraProperties, boolean sasl) {
        super(Duration.ofSeconds(30));
        this.layout = layout;
        this.dir = dir;
        this.heap = heap;
        this.extraProperties = extraProperties;
        this.sasl = sasl;
        if (sasl) {
            for (String user : List.of(ADMIN, CONNECT, SRE)) {
                passwords.put(user, randomToken());
            }
        }
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
        String client = sasl ? "SASL_PLAINTEXT" : "PLAINTEXT";
        props.put("listeners", client + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", client + "://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", client);
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT," + client + ":" + client);
        if (sasl) {
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"")
                    .append(ADMIN).append("\" password=\"").append(passwords.get(ADMIN)).append('"');
            passwords.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password).append('"'));
            props.put("sasl.enabled.mechanisms", "PLAIN");
            props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
            props.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.append(';').toString());
            props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            props.put("allow.everyone.if.no.acl.found", "false");
            // The controller listener is plain and local to this one-node cluster; the broker's own requests to it
            // come as ANONYMOUS.
            props.put("super.users", "User:" + ADMIN + ";User:" + CONNECT + ";User:ANONYMOUS");
        }
        props.put("log.dirs", dir.resolve("data").toString());
        props.put("num.partitions", "1");
        // One node: every internal topic must make do with one replica.
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        // Records carry their event time, and tests and the demo replay events from 2025 (the corpus): time-based
        // retention would delete them at its next check (every 5 minutes), before the sinks read them.
        props.put("log.retention.ms", "-1");
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

    public boolean sasl() {
        return sasl;
    }

    /** What a Kafka client needs to reach this broker as the admin user: bootstrap servers and, with SASL, the login. */
    public Map<String, String> clientProperties() {
        return clientProperties(ADMIN);
    }

    /** What a Kafka client needs to reach this broker as the given user (ignored without SASL). */
    public Map<String, String> clientProperties(String user) {
        Map<String, String> p = new HashMap<>();
        p.put("bootstrap.servers", bootstrapServers());
        if (sasl) {
            if (!passwords.containsKey(user)) {
                throw new IllegalArgumentException("no such user: " + user);
            }
            p.put("security.protocol", "SASL_PLAINTEXT");
            p.put("sasl.mechanism", "PLAIN");
            p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                    + "\" password=\"" + passwords.get(user) + "\";");
        }
        return p;
    }

    private static String randomToken() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
