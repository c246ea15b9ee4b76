package io.agenttelemetry.connect.source;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;

import io.agenttelemetry.connect.model.PluginVersion;
import io.agenttelemetry.connect.model.config.TaskConfigs;

/** Tails this task's share of the files; the work is in {@link FileTailer}. */
public class AgentLogSourceTask extends SourceTask {
    private AgentLogSourceConfig config;
    private FileTailer tailer;
    private SourceTaskMetrics metrics;

    @Override
    public String version() {
        return PluginVersion.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = new AgentLogSourceConfig(props);
        int index = Integer.parseInt(TaskConfigs.taskIndex(props));
        int count = Integer.parseInt(props.getOrDefault(AgentLogSourceConfig.TASK_COUNT_CONFIG, "1"));
        metrics = new SourceTaskMetrics();
        metrics.register(TaskConfigs.connectorName(props, "agent-log-source"), Integer.toString(index));
        OffsetStorageReader offsets = context.offsetStorageReader();
        tailer = new FileTailer(config, index, count, offsets::offset, metrics);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records;
        try {
            records = tailer.poll();
        } catch (IOException e) {
            throw new ConnectException("Reading agent log files failed: " + e, e);
        }
        metrics.maybeLogProgress();
        if (records.isEmpty()) {
            Thread.sleep(config.pollIntervalMs);
            return null;
        }
        return records;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        if (tailer != null) {
            tailer.acked(record.sourcePartition(), record.sourceOffset());
        }
    }

    @Override
    public void commit() {
        if (tailer != null) {
            tailer.offsetsCommitted();
        }
    }

    @Override
    public void stop() {
        if (tailer != null) {
            tailer.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
