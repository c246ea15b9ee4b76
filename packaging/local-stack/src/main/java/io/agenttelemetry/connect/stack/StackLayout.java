package io.agenttelemetry.connect.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Where the build put the stack's artifacts ({@code packaging/stack-runtime/target/stack}) and our plugin
 * directories ({@code packaging/plugins/target/plugins}), and the java that runs them all.
 */
public final class StackLayout {
    public static final String STACK_HOME_PROPERTY = "agent.telemetry.stack.home";
    public static final String PLUGIN_PATH_PROPERTY = "agent.telemetry.plugin.path";

    private static final Properties VERSIONS = loadVersions();

    private final Path stackHome;
    private final Path pluginPath;

    public StackLayout(Path stackHome, Path pluginPath) {
        this.stackHome = stackHome.toAbsolutePath().normalize();
        this.pluginPath = pluginPath.toAbsolutePath().normalize();
    }

    /** From system properties, else relative to the repository root given. */
    public static StackLayout fromSystemProperties(Path repositoryRoot) {
        String home = System.getProperty(STACK_HOME_PROPERTY);
        String plugins = System.getProperty(PLUGIN_PATH_PROPERTY);
        return new StackLayout(
                home != null ? Paths.get(home) : repositoryRoot.resolve("packaging/stack-runtime/target/stack"),
                plugins != null ? Paths.get(plugins) : repositoryRoot.resolve("packaging/plugins/target/plugins"));
    }

    /** Fails with one message naming everything missing, and the command that builds it. */
    public StackLayout verify() {
        List<String> missing = new ArrayList<>();
        check(kafkaLibs(), missing);
        check(s3proxyJar(), missing);
        check(openSearchHome().resolve("bin/opensearch"), missing);
        check(pluginPath, missing);
        if (!missing.isEmpty()) {
            throw new StackException("The local stack is not built: missing " + missing
                    + ". Run 'mvn -DskipTests package' in the repository root first.");
        }
        return this;
    }

    private static void check(Path p, List<String> missing) {
        if (!Files.exists(p)) {
            missing.add(p.toString());
        }
    }

    public Path kafkaLibs() {
        return stackHome.resolve("kafka/libs");
    }

    /** Classpath wildcard of the Kafka jars, as the java launcher expands it. */
    public String kafkaClasspath() {
        return kafkaLibs() + "/*";
    }

    public Path s3proxyJar() {
        return stackHome.resolve("s3proxy/s3proxy.jar");
    }

    public Path openSearchHome() {
        return stackHome.resolve("opensearch-" + version("opensearch"));
    }

    /** The OpenSearch release matching the security plugin on Maven Central; the plugin is installed at first use. */
    public Path securedOpenSearchHome() {
        return stackHome.resolve("opensearch-" + version("opensearch.secured"));
    }

    public Path openSearchSecurityPlugin() {
        return stackHome.resolve("opensearch-plugins/opensearch-security.zip");
    }

    /** Third-party plugins (Kafka's FileStream connector) for side-by-side baselines. */
    public Path baselinePlugins() {
        return stackHome.resolve("baseline-plugins");
    }

    public Path pluginPath() {
        return pluginPath;
    }

    public static String version(String component) {
        return VERSIONS.getProperty(component);
    }

    /** The java running this launcher; the stack's servers run on it too (Java 17). */
    public static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static String javaHome() {
        return System.getProperty("java.home");
    }

    private static Properties loadVersions() {
        Properties p = new Properties();
        try (InputStream in = StackLayout.class.getResourceAsStream("stack-versions.properties")) {
            if (in == null) {
                throw new IllegalStateException("stack-versions.properties missing from the local-stack jar");
            }
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
