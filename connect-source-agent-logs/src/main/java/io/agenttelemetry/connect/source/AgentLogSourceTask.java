package io.agenttelemetry.connect.source;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.storage.OffsetStorageReader;

import io.agenttelemetry.connect.model.PluginVersion;
import io.agenttelemetry.connect.model.config.TaskConfigs;

/**
 * Tails this task's share of the files; the work is in {@link FileTailer}, which runs on a reader thread
 * ({@link ReadAhead}) so the next batch is read and parsed while Connect converts and sends this one.
 */
public class AgentLogSourceTask extends SourceTask {
    private AgentLogSourceConfig config;
    private FileTailer tailer;
    private ReadAhead readAhead;
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
        readAhead = new ReadAhead(tailer::poll, config.pollIntervalMs,
                "agent-log-reader-" + TaskConfigs.connectorName(props, "agent-log-source") + "-" + index);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records = readAhead.take(config.pollIntervalMs);
        RecordFactory.withJsonValues(records);
        metrics.maybeLogProgress();
        return records.isEmpty() ? null : records;
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
        if (readAhead != null) {
            readAhead.stop(5_000);
        }
        if (tailer != null) {
            tailer.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }
}
