package io.agenttelemetry.connect.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One Kafka Connect distributed worker on 127.0.0.1; all workers of a stack form one cluster. */
public final class ConnectWorker extends LocalServer {
    public static final String GROUP_ID = "agent-telemetry-connect";

    private final String name;
    private final StackLayout layout;
    private final Path dir;
    private final String heap;
    private final Map<String, String> props = new HashMap<>();
    private final Map<String, String> env;
    private final int restPort = Ports.free();

    ConnectWorker(String name, StackLayout layout, Path dir, String bootstrapServers, String pluginPath,
                  String heap, Map<String, String> extraProperties, Map<String, String> env) {
        super(Duration.ofSeconds(60));
        this.name = name;
        this.env = env;
        this.layout = layout;
        this.dir = dir;
        this.heap = heap;
        props.put("bootstrap.servers", bootstrapServers);
        props.put("group.id", GROUP_ID);
        props.put("config.storage.topic", "connect-configs");
        props.put("offset.storage.topic", "connect-offsets");
        props.put("status.storage.topic", "connect-status");
        props.put("config.storage.replication.factor", "1");
        props.put("offset.storage.replication.factor", "1");
        props.put("status.storage.replication.factor", "1");
        props.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        props.put("key.converter.schemas.enable", "false");
        props.put("value.converter.schemas.enable", "false");
        props.put("listeners", "http://127.0.0.1:" + restPort);
        props.put("rest.advertised.host.name", "127.0.0.1");
        props.put("rest.advertised.port", Integer.toString(restPort));
        props.put("plugin.path", pluginPath);
        // Only ServiceLoader manifests: a plugin missing from META-INF/services fails to load here, as it would
        // on a worker that turned classpath scanning off.
        props.put("plugin.discovery", "service_load");
        props.put("offset.flush.interval.ms", "1000");
        props.put("connector.client.config.override.policy", "All");
        props.put("config.providers", "file,env");
        props.put("config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        props.put("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        props.putAll(extraProperties);
    }

    @Override
    void start() {
        Path workerProperties = ConfigFiles.writeProperties(dir.resolve("worker.properties"), props);
        Path log4j = ConfigFiles.writeLog4j2(dir.resolve("log4j2.properties"));
        process = ManagedProcess.start(name, List.of(StackLayout.java(), "-Xmx" + heap, "-Xms" + heap,
                        "-Dlog4j2.configurationFile=" + log4j, "-cp", layout.kafkaClasspath(),
                        "org.apache.kafka.connect.cli.ConnectDistributed", workerProperties.toString()),
                env, dir, dir.resolve(name + ".log"));
    }

    @Override
    void awaitReady(Duration timeout) {
        // /health answers 200 only once the worker has joined the cluster and can take requests (KIP-1017).
        Wait.until(name + " REST /health", timeout, () -> Http.get(restUrl() + "/health").status() == 200, process);
    }

    public String name() {
        return name;
    }

    public String restUrl() {
        return "http://127.0.0.1:" + restPort;
    }
}
