package io.agenttelemetry.connect.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;

import io.agenttelemetry.connect.model.PluginVersion;

/**
 * Tails agent-framework log and trace files into Kafka as normalized agent events.
 *
 * <p>Each task takes the files whose fingerprint hashes to its index, so the assignment is stable and new files
 * are shared out without coordination. Offsets are (file fingerprint) → (byte position, events of that line
 * already sent), which makes restarts exact and exactly-once delivery (KIP-618) possible.
 */
public class AgentLogSourceConnector extends SourceConnector {
    private Map<String, String> props;

    @Override
    public String version() {
        return PluginVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new AgentLogSourceConfig(props);
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return AgentLogSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<Map<String, String>> configs = new ArrayList<>(maxTasks);
        for (int i = 0; i < maxTasks; i++) {
            Map<String, String> task = new HashMap<>(props);
            task.put(AgentLogSourceConfig.TASK_INDEX_CONFIG, Integer.toString(i));
            task.put(AgentLogSourceConfig.TASK_COUNT_CONFIG, Integer.toString(maxTasks));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return AgentLogSourceConfig.CONFIG_DEF;
    }

    /** Offsets are exact byte positions of whole lines, so a transaction can commit them with the records. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /** Accepts offsets of our shape for the offsets REST API (KIP-875); null offsets reset a file. */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        offsets.forEach(SourceOffsets::validate);
        return true;
    }
}
