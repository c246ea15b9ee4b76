package io.agenttelemetry.connect.s3;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import io.agenttelemetry.connect.model.PluginVersion;
import io.agenttelemetry.connect.model.config.TaskConfigs;

/**
 * Archives records to S3 or an S3-compatible store. Every record lands in exactly one object: keys are fixed by
 * topic, partition and first offset, objects are written with If-None-Match, and offsets are committed only
 * past objects that are in the bucket.
 */
public class S3ArchiveSinkConnector extends SinkConnector {
    private Map<String, String> props;

    @Override
    public String version() {
        return PluginVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        new S3ArchiveSinkConfig(props);
        this.props = props;
    }

    @Override
    public Class<? extends Task> taskClass() {
        return S3ArchiveSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return TaskConfigs.sameForEach(props, maxTasks);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return S3ArchiveSinkConfig.CONFIG_DEF;
    }
}
