package io.agenttelemetry.connect.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A single-node OpenSearch on 127.0.0.1. OpenSearch refuses to run as root, so when the launcher is root it runs
 * as the system user {@value #USER} (created once, no login, no home). A secured node runs the release matching
 * the security plugin, with TLS on HTTP and basic authentication.
 */
public final class OpenSearchNode extends LocalServer {
    static final String USER = "opensearch";

    private final StackLayout layout;
    private final Path dir;
    /** Where OpenSearch's home and data live: dir, or a temporary copy its user can reach (see start()). */
    private Path home;
    private Path nodeDir;
    private final String heap;
    private final int httpPort = Ports.free();
    private final int transportPort = Ports.free();
    /** With the security plugin and its demo configuration: TLS on HTTP, basic authentication. */
    private final boolean secured;

    /** The secured node's administrator, as the security plugin's demo configuration sets it up. */
    public static final String ADMIN_USER = "admin";
    /** A local test password (the plugin insists on a strong one); the node listens on 127.0.0.1 only. */
    public static final String ADMIN_PASSWORD = "Local-Stack-Only-42!";

    OpenSearchNode(StackLayout layout, Path dir, String heap, boolean secured) {
        super(Duration.ofSeconds(60));
        this.layout = layout;
        this.dir = dir;
        this.heap = heap;
        this.secured = secured;
    }

    @Override
    void start() {
        if (home == null) {
            home = secured ? securedHome() : layout.openSearchHome();
            nodeDir = dir;
            if (isRoot() && !(reachable(home) && reachable(dir))) {
                // A checkout under a private directory: run from a copy the OpenSearch user can reach.
                Path tmp = Path.of(System.getProperty("java.io.tmpdir"), "agent-telemetry-opensearch-" + ProcessHandle.current().pid());
                copyTree(home, tmp.resolve("home"));
                home = tmp.resolve("home");
                nodeDir = tmp.resolve("node");
                makeSearchable(tmp);
            }
        }
        Path config = nodeDir.resolve("config");
        copyTree(home.resolve("config"), config);
        relocateJvmPaths(config.resolve("jvm.options"));
        ConfigFiles.write(config.resolve("opensearch.yml"), String.join("\n",
                "cluster.name: agent-telemetry-local",
                "node.name: node-1",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "discovery.type: single-node",
                "path.data: " + nodeDir.resolve("data"),
                "path.logs: " + nodeDir.resolve("logs"),
                // Disk watermarks would turn indices read-only on a nearly full developer disk.
                "cluster.routing.allocation.disk.threshold_enabled: false",
                "") + (secured ? securitySettings() : ""));
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            ensureUser();
            chown(nodeDir);
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.addAll(List.of("env",
                "OPENSEARCH_JAVA_HOME=" + StackLayout.javaHome(),
                "OPENSEARCH_PATH_CONF=" + config,
                "OPENSEARCH_TMPDIR=" + nodeDir.resolve("tmp"),
                "OPENSEARCH_JAVA_OPTS=-Xms" + heap + " -Xmx" + heap,
                "bash", home.resolve("bin/opensearch").toString()));
        process = ManagedProcess.start("opensearch", command, Map.of(), dir, dir.resolve("opensearch.log"));
    }

    @Override
    void awaitReady(Duration timeout) {
        String health = url() + "/_cluster/health?wait_for_status=yellow&timeout=1s";
        Wait.until("OpenSearch cluster health yellow", timeout,
                () -> (secured ? http().get(health) : Http.get(health)).status() == 200, process);
    }

    public String url() {
        return (secured ? "https" : "http") + "://127.0.0.1:" + httpPort;
    }

    public boolean secured() {
        return secured;
    }

    /** The CA certificate (PEM) the secured node's certificate chains to; it names 127.0.0.1 and localhost. */
    public Path caCertificate() {
        return nodeDir.resolve("config/root-ca.pem");
    }

    /** A client for the secured node: trusts its CA, authenticates as the administrator. */
    public Http.Authenticated http() {
        return Http.tls(caCertificate(), ADMIN_USER, ADMIN_PASSWORD);
    }

    /**
     * The release matching the security plugin, with the plugin installed and its demo configuration (certificates,
     * TLS settings, the admin user) applied, once per build of the stack.
     */
    private Path securedHome() {
        Path h = layout.securedOpenSearchHome();
        Map<String, String> env = Map.of("OPENSEARCH_JAVA_HOME", StackLayout.javaHome(),
                "OPENSEARCH_INITIAL_ADMIN_PASSWORD", ADMIN_PASSWORD);
        if (!Files.isDirectory(h.resolve("plugins/opensearch-security"))) {
            ManagedProcess.run("opensearch-plugin", List.of("bash", h.resolve("bin/opensearch-plugin").toString(), "install", "--batch",
                    layout.openSearchSecurityPlugin().toUri().toString()), env, h, dir.resolve("opensearch-plugin.log"), Duration.ofMinutes(2));
        }
        if (!Files.exists(h.resolve("config/root-ca.pem"))) {
            ManagedProcess.run("security-demo-config", List.of("bash",
                    h.resolve("plugins/opensearch-security/tools/install_demo_configuration.sh").toString(), "-y", "-i", "-s"),
                    env, h, dir.resolve("security-demo-config.log"), Duration.ofMinutes(2));
        }
        return h;
    }

    /** The security settings the demo configuration wrote into the distribution's opensearch.yml. */
    private String securitySettings() {
        try {
            StringBuilder out = new StringBuilder();
            for (String line : Files.readAllLines(home.resolve("config/opensearch.yml"))) {
                if (!line.isBlank() && !line.trim().startsWith("#")) {
                    out.append(line).append('\n');
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        super.close();
        if (nodeDir != null && !nodeDir.startsWith(dir)) {
            try {
                Dirs.deleteTree(nodeDir.getParent());
            } catch (UncheckedIOException e) {
                // A leftover temporary copy is harmless; the next start uses a new one.
            }
        }
    }

    /**
     * jvm.options names gc logs, heap dumps and error files relative to the distribution, which the OpenSearch
     * user may not write; point them into this node's directory. Its temporary files go there too (OPENSEARCH_TMPDIR):
     * left to itself, the launcher makes a new {@code /tmp/opensearch-*} directory at every start and leaves it.
     */
    private void relocateJvmPaths(Path jvmOptions) {
        try {
            String options = Files.readString(jvmOptions)
                    .replace("file=logs/", "file=" + nodeDir.resolve("logs") + "/")
                    .replace("ErrorFile=logs/", "ErrorFile=" + nodeDir.resolve("logs") + "/")
                    .replace("HeapDumpPath=data", "HeapDumpPath=" + nodeDir.resolve("data"));
            Files.writeString(jvmOptions, options);
            Files.createDirectories(nodeDir.resolve("logs"));
            Files.createDirectories(nodeDir.resolve("data"));
            Files.createDirectories(nodeDir.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot adapt " + jvmOptions, e);
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void ensureUser() {
        if (exec(List.of("id", "-u", USER)) == 0) {
            return;
        }
        int rc = exec(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", USER));
        if (rc != 0 && exec(List.of("id", "-u", USER)) != 0) {
            throw new StackException("cannot create system user '" + USER + "' to run OpenSearch (useradd exit " + rc + ")");
        }
    }

    /** True if every directory down to the target is searchable by other users (so by the OpenSearch user). */
    private static boolean reachable(Path target) {
        for (Path p = target.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static void makeSearchable(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chown(Path dir) {
        if (exec(List.of("chown", "-R", USER + ":", dir.toString())) != 0) {
            throw new StackException("cannot chown " + dir + " to " + USER);
        }
    }

    private static int exec(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path src : (Iterable<Path>) files::iterator) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src)) {
                    Files.createDirectories(dst);
                } else {
                    Files.copy(src, dst, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }
}
