package io.agenttelemetry.connect.smt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;

import io.agenttelemetry.connect.model.PluginVersion;
import io.agenttelemetry.connect.smt.detect.Detector;
import io.agenttelemetry.connect.smt.detect.Detectors;

/**
 * Detects and masks secrets and PII anywhere in a record's key or value: nested maps, lists and structs, JSON
 * inside strings, and whole values of sensitively named fields. Secure by default: every detector is on.
 * Struct values keep their schema. A header lists what was found, by type and count, never the values.
 */
public abstract class MaskSensitiveData<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
    private MaskSensitiveDataConfig config;
    private Masker masker;

    @Override
    public void configure(Map<String, ?> props) {
        config = new MaskSensitiveDataConfig(props);
        List<Detector> all = new ArrayList<>(Detectors.builtIn());
        all.addAll(config.customDetectors);
        masker = new Masker(config, Detectors.of(all, config.disabled));
    }

    @Override
    public R apply(R record) {
        if (record == null || operatingValue(record) == null) {
            return record;
        }
        Masker.Tally tally = new Masker.Tally();
        Object value = operatingValue(record);
        Schema schema = operatingSchema(record);
        Object masked;
        if (value instanceof Struct) {
            masked = masker.maskStruct((Struct) value, tally);
        } else {
            masked = masker.maskSchemaless(value, null, tally);
            if (masked == Masker.DROP) {
                masked = null;
            }
        }
        if (tally.isEmpty()) {
            return record;
        }
        Headers headers = record.headers().duplicate();
        headers.addString(config.findingsHeader, tally.summary());
        return newRecord(record, schema, masked, headers);
    }

    protected abstract Schema operatingSchema(R record);

    protected abstract Object operatingValue(R record);

    protected abstract R newRecord(R record, Schema schema, Object value, Headers headers);

    @Override
    public ConfigDef config() {
        return MaskSensitiveDataConfig.CONFIG_DEF;
    }

    @Override
    public String version() {
        return PluginVersion.get();
    }

    @Override
    public void close() {
    }

    /** Masks the record key. */
    public static final class Key<R extends ConnectRecord<R>> extends MaskSensitiveData<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return record.keySchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.key();
        }

        @Override
        protected R newRecord(R record, Schema schema, Object value, Headers headers) {
            return record.newRecord(record.topic(), record.kafkaPartition(), schema, value, record.valueSchema(), record.value(),
                    record.timestamp(), headers);
        }
    }

    /** Masks the record value. */
    public static final class Value<R extends ConnectRecord<R>> extends MaskSensitiveData<R> {
        @Override
        protected Schema operatingSchema(R record) {
            return record.valueSchema();
        }

        @Override
        protected Object operatingValue(R record) {
            return record.value();
        }

        @Override
        protected R newRecord(R record, Schema schema, Object value, Headers headers) {
            return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), schema, value,
                    record.timestamp(), headers);
        }
    }
}
