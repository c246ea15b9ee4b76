package io.agenttelemetry.connect.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real local stack: Kafka (KRaft), Kafka Connect distributed workers with our plugins on plugin.path,
 * OpenSearch and an S3-compatible server, each a local process on 127.0.0.1 with free ports and its log under
 * the work directory. {@link #close()} (and, failing that, a shutdown hook) ends every process it started.
 */
public final class LocalStack implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final Builder options;
    private final KafkaBroker kafka;
    private final List<ConnectWorker> workers = new ArrayList<>();
    private final OpenSearchNode openSearch;
    private final S3Server s3;

    private LocalStack(Builder options) {
        this.options = options;
        Path work = options.workDir;
        this.kafka = new KafkaBroker(options.layout, work.resolve("kafka"), options.kafkaHeap, options.brokerProperties, options.sasl);
        this.openSearch = options.openSearch ? new OpenSearchNode(options.layout, work.resolve("opensearch"), options.openSearchHeap, options.openSearchSecured) : null;
        this.s3 = options.s3 ? new S3Server(options.layout, work.resolve("s3proxy"), "512m") : null;
    }

    public static Builder builder(StackLayout layout, Path workDir) {
        return new Builder(layout, workDir);
    }

    private LocalStack start() {
        long t0 = System.nanoTime();
        try {
            killLeftovers(options.workDir);
            // Each start is a fresh cluster: Kafka refuses to format a used log dir, and old data would skew tests.
            Dirs.deleteContents(options.workDir);
            // OpenSearch is slowest, so it starts first and is awaited last.
            if (openSearch != null) {
                openSearch.start();
            }
            if (s3 != null) {
                s3.start();
            }
            kafka.start();
            kafka.awaitReady(STARTUP);
            String pluginPath = options.layout.pluginPath() + (options.extraPluginPath.isEmpty() ? "" : "," + String.join(",", options.extraPluginPath));
            for (int i = 0; i < options.workers; i++) {
                String name = "connect-" + (i + 1);
                Map<String, String> workerProps = new HashMap<>(options.workerProperties);
                if (options.exactlyOnceSource) {
                    workerProps.put("exactly.once.source.support", "enabled");
                }
                if (options.sasl) {
                    // The worker and every client it makes log in as the connect user.
                    kafka.clientProperties(KafkaBroker.CONNECT).forEach((k, v) -> {
                        if (!k.equals("bootstrap.servers")) {
                            for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
                                workerProps.put(prefix + k, v);
                            }
                        }
                    });
                }
                ConnectWorker worker = new ConnectWorker(name, options.layout, options.workDir.resolve(name),
                        kafka.bootstrapServers(), pluginPath, options.connectHeap, workerProps, workerEnv());
                worker.start();
                workers.add(worker);
            }
            for (ConnectWorker worker : workers) {
                worker.awaitReady(STARTUP);
            }
            if (s3 != null) {
                s3.awaitReady(STARTUP);
            }
            if (openSearch != null) {
                openSearch.awaitReady(STARTUP);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        options.progress.accept(String.format("local stack up in %.1f s (logs under %s)",
                (System.nanoTime() - t0) / 1e9, options.workDir));
        return this;
    }

    /**
     * The workers' environment: the stack's endpoints and test credentials, so connector configs can say
     * ${env:AGENT_TELEMETRY_OPENSEARCH_URL} instead of literals, as config-examples/ do.
     */
    private Map<String, String> workerEnv() {
        Map<String, String> env = new HashMap<>(options.workerEnv);
        env.put("AGENT_TELEMETRY_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        if (openSearch != null) {
            env.put("AGENT_TELEMETRY_OPENSEARCH_URL", openSearch.url());
        }
        if (s3 != null) {
            env.put("AGENT_TELEMETRY_S3_ENDPOINT", s3.endpoint());
            env.put("AGENT_TELEMETRY_S3_REGION", S3Server.REGION);
            env.put("AGENT_TELEMETRY_S3_ACCESS_KEY_ID", S3Server.ACCESS_KEY);
            env.put("AGENT_TELEMETRY_S3_SECRET_ACCESS_KEY", S3Server.SECRET_KEY);
        }
        return env;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public List<ConnectWorker> workers() {
        return Collections.unmodifiableList(workers);
    }

    /** The first worker; any worker forwards requests to the leader. */
    public ConnectWorker connect() {
        return workers.get(0);
    }

    public OpenSearchNode openSearch() {
        if (openSearch == null) {
            throw new IllegalStateException("this stack was built without OpenSearch");
        }
        return openSearch;
    }

    public S3Server s3() {
        if (s3 == null) {
            throw new IllegalStateException("this stack was built without an S3 server");
        }
        return s3;
    }

    public StackLayout layout() {
        return options.layout;
    }

    public Path workDir() {
        return options.workDir;
    }

    /** Name to URL or address of every service, for printing. */
    public Map<String, String> endpoints() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Kafka bootstrap", kafka.bootstrapServers() + (kafka.sasl()
                ? "  (SASL_PLAINTEXT, PLAIN; users admin, connect, sre; their passwords are in " + options.workDir.resolve("kafka/server.properties") + ")"
                : ""));
        for (ConnectWorker w : workers) {
            out.put("Connect REST (" + w.name() + ")", w.restUrl());
        }
        if (openSearch != null) {
            out.put("OpenSearch", openSearch.url());
        }
        if (s3 != null) {
            out.put("S3 endpoint", s3.endpoint() + "  (access key " + S3Server.ACCESS_KEY + ", region " + S3Server.REGION + ", path-style)");
        }
        out.put("plugin.path", options.layout.pluginPath().toString());
        out.put("logs", options.workDir.toString());
        return out;
    }

    @Override
    public void close() {
        List<AutoCloseable> order = new ArrayList<>(workers);
        Collections.reverse(order);
        order.add(kafka);
        order.add(openSearch);
        order.add(s3);
        for (AutoCloseable c : order) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                options.progress.accept("could not stop " + c + ": " + e);
            }
        }
    }

    /**
     * Ends processes a crashed earlier run of this same work directory left behind: only those whose pid file is
     * here and whose command line names this directory, so nothing else is ever touched.
     */
    private static void killLeftovers(Path workDir) {
        if (!Files.isDirectory(workDir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(workDir, 2)) {
            for (Path pidFile : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".pid"))::iterator) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).ifPresent(h -> {
                    String cmd = h.info().commandLine().orElse("");
                    if (cmd.contains(workDir.toString())) {
                        h.descendants().forEach(ProcessHandle::destroyForcibly);
                        h.destroyForcibly();
                    }
                });
                Files.delete(pidFile);
            }
        } catch (IOException | NumberFormatException e) {
            throw new StackException("cannot clean up leftovers under " + workDir + ": " + e, e);
        }
    }

    /** What to start and how big. */
    public static final class Builder {
        private final StackLayout layout;
        private final Path workDir;
        private int workers = 1;
        private boolean exactlyOnceSource;
        private boolean sasl;
        private boolean openSearch = true;
        private boolean s3 = true;
        private String kafkaHeap = "768m";
        private String connectHeap = "1g";
        private String openSearchHeap = "512m";
        private boolean openSearchSecured;
        private final Map<String, String> brokerProperties = new HashMap<>();
        private final Map<String, String> workerProperties = new HashMap<>();
        private final List<String> extraPluginPath = new ArrayList<>();
        private final Map<String, String> workerEnv = new HashMap<>();
        private java.util.function.Consumer<String> progress = System.out::println;

        private Builder(StackLayout layout, Path workDir) {
            this.layout = layout;
            this.workDir = workDir.toAbsolutePath().normalize();
        }

        public Builder connectWorkers(int count) {
            this.workers = count;
            return this;
        }

        /** Sets {@code exactly.once.source.support=enabled} on every worker (KIP-618). */
        /** SASL/PLAIN logins and ACL authorization on the broker (see {@link KafkaBroker}). */
        public Builder sasl(boolean enabled) {
            this.sasl = enabled;
            return this;
        }

        public Builder exactlyOnceSource(boolean enabled) {
            this.exactlyOnceSource = enabled;
            return this;
        }

        public Builder openSearch(boolean enabled) {
            this.openSearch = enabled;
            return this;
        }

        public Builder s3(boolean enabled) {
            this.s3 = enabled;
            return this;
        }

        public Builder connectHeap(String heap) {
            this.connectHeap = heap;
            return this;
        }

        /** OpenSearch with its security plugin: https, basic authentication (see {@link OpenSearchNode#http()}). */
        public Builder openSearchSecured(boolean secured) {
            this.openSearchSecured = secured;
            return this;
        }

        public Builder openSearchHeap(String heap) {
            this.openSearchHeap = heap;
            return this;
        }

        public Builder brokerProperty(String key, String value) {
            brokerProperties.put(key, value);
            return this;
        }

        public Builder workerProperty(String key, String value) {
            workerProperties.put(key, value);
            return this;
        }

        /** An environment variable for the workers, e.g. a directory that connector configs name via ${env:...}. */
        public Builder workerEnv(String name, String value) {
            workerEnv.put(name, value);
            return this;
        }

        /** Another directory of plugin directories, e.g. the FileStream baseline. */
        public Builder extraPluginPath(Path dir) {
            extraPluginPath.add(dir.toAbsolutePath().toString());
            return this;
        }

        public Builder progress(java.util.function.Consumer<String> progress) {
            this.progress = progress;
            return this;
        }

        public LocalStack start() {
            layout.verify();
            try {
                Files.createDirectories(workDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new LocalStack(this).start();
        }
    }
}
