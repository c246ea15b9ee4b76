package io.agenttelemetry.connect.s3;

import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import io.agenttelemetry.connect.model.config.PlaceholderTemplate;

/**
 * Object keys: the path template's prefix, then a name fixed by topic, partition and the first offset, so the
 * same records always land under the same key and a retried write can be recognized.
 */
final class ObjectKeys {
    private final PlaceholderTemplate prefix;
    private final String extension;

    private ObjectKeys(PlaceholderTemplate prefix, String extension) {
        this.prefix = prefix;
        this.extension = extension;
    }

    static ObjectKeys parse(String template, ZoneId zone, String extension) {
        return new ObjectKeys(PlaceholderTemplate.parse(S3ArchiveSinkConfig.PATH_TEMPLATE_CONFIG, template,
                Set.of("topic", "partition"), zone), extension);
    }

    String key(String topic, int partition, long startOffset, long firstTimestampMillis) {
        String p = prefix.render(Map.of("topic", topic, "partition", Integer.toString(partition)), firstTimestampMillis);
        return p + topic + "+" + partition + "+" + String.format("%020d", startOffset) + extension;
    }
}
