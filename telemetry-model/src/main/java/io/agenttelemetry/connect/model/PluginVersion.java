package io.agenttelemetry.connect.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Our release version, read from a build-filtered resource of our own jar (never from Kafka internals). */
public final class PluginVersion {
    private static final String RESOURCE = "version.properties";
    private static final String VERSION = load();

    private PluginVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        Properties props = new Properties();
        try (InputStream in = PluginVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            // Fall through to "unknown": a plugin must still load if the resource is damaged.
        }
        return props.getProperty("version", "unknown");
    }
}
