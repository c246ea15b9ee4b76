package io.agenttelemetry.connect.smt;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.components.Versioned;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.transforms.Transformation;

import io.agenttelemetry.connect.model.HeaderValues;
import io.agenttelemetry.connect.model.PluginVersion;
import io.agenttelemetry.connect.model.Sensitivity;
import io.agenttelemetry.connect.smt.detect.Detector;
import io.agenttelemetry.connect.smt.detect.Detectors;

/**
 * Sets a record's sensitivity class (public < internal < confidential < restricted) in a header: the highest of
 * what {@link MaskSensitiveData} found (its findings header), tool-name rules, field-presence rules, and a default.
 * Routing ({@link RouteBySensitivity}), filtering ({@link SensitivityAtLeast}) and the sinks read the header.
 */
public class ClassifySensitivity<R extends ConnectRecord<R>> implements Transformation<R>, Versioned {
    public static final String FINDINGS_HEADER_CONFIG = "findings.header.name";
    public static final String SECRET_CLASS_CONFIG = "secret.class";
    public static final String PII_CLASS_CONFIG = "pii.class";
    public static final String DEFAULT_CLASS_CONFIG = "default.class";
    public static final String TOOL_RULES_CONFIG = "tool.rules";
    public static final String FIELD_RULES_CONFIG = "field.rules";
    private static final String GROUP = "Classification";
    private static final String[] CLASSES = Arrays.stream(Sensitivity.values()).map(Sensitivity::label).toArray(String[]::new);

    public static final ConfigDef CONFIG_DEF = SensitivityHeader.define(new ConfigDef()
            .define(FINDINGS_HEADER_CONFIG, Type.STRING, "agent_telemetry.findings", new ConfigDef.NonEmptyString(), Importance.MEDIUM,
                    "Header MaskSensitiveData writes its findings to (TYPE:count pairs).", GROUP, 1, Width.MEDIUM, "Findings header")
            .define(SECRET_CLASS_CONFIG, Type.STRING, "restricted", ConfigDef.CaseInsensitiveValidString.in(CLASSES), Importance.MEDIUM,
                    "Class of a record in which a secret was found (also a sensitively named field).", GROUP, 2, Width.SHORT, "Class with secrets")
            .define(PII_CLASS_CONFIG, Type.STRING, "confidential", ConfigDef.CaseInsensitiveValidString.in(CLASSES), Importance.MEDIUM,
                    "Class of a record in which PII was found.", GROUP, 3, Width.SHORT, "Class with PII")
            .define(DEFAULT_CLASS_CONFIG, Type.STRING, "internal", ConfigDef.CaseInsensitiveValidString.in(CLASSES), Importance.MEDIUM,
                    "Class of a record no rule raises.", GROUP, 4, Width.SHORT, "Default class")
            .define(TOOL_RULES_CONFIG, Type.LIST, "", Importance.MEDIUM,
                    "tool:class pairs: events of that tool (gen_ai.tool.name) get at least that class, e.g. run_sql:restricted,send_email:confidential.",
                    GROUP, 5, Width.LONG, "Tool rules")
            .define(FIELD_RULES_CONFIG, Type.LIST,
                    "gen_ai.input.messages:confidential,gen_ai.output.messages:confidential,gen_ai.system_instructions:confidential,"
                            + "input.value:confidential,output.value:confidential",
                    Importance.MEDIUM,
                    "attribute:class pairs: a record carrying that field or attribute (raw prompts, messages) gets at least that class.",
                    GROUP, 6, Width.LONG, "Field rules"));

    private String findingsHeader;
    private Sensitivity secretClass;
    private Sensitivity piiClass;
    private Sensitivity defaultClass;
    private Map<String, Sensitivity> toolRules;
    private Map<String, Sensitivity> fieldRules;
    private Map<String, Detector.Family> families;
    private SensitivityHeader header;

    @Override
    public void configure(Map<String, ?> props) {
        AbstractConfig config = new AbstractConfig(CONFIG_DEF, props);
        findingsHeader = config.getString(FINDINGS_HEADER_CONFIG);
        secretClass = Sensitivity.parse(config.getString(SECRET_CLASS_CONFIG));
        piiClass = Sensitivity.parse(config.getString(PII_CLASS_CONFIG));
        defaultClass = Sensitivity.parse(config.getString(DEFAULT_CLASS_CONFIG));
        toolRules = pairs(TOOL_RULES_CONFIG, config.getList(TOOL_RULES_CONFIG));
        fieldRules = pairs(FIELD_RULES_CONFIG, config.getList(FIELD_RULES_CONFIG));
        header = SensitivityHeader.from(config);
        families = new HashMap<>();
        for (Detector d : Detectors.builtIn()) {
            families.put(d.name(), d.family());
        }
        families.put(Masker.SENSITIVE_FIELD, Detector.Family.SECRET);
    }

    static Map<String, Sensitivity> pairs(String key, List<String> pairs) {
        Map<String, Sensitivity> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int colon = pair.lastIndexOf(':');
            try {
                out.put(pair.substring(0, colon).trim(), Sensitivity.parse(pair.substring(colon + 1)));
            } catch (RuntimeException e) {
                throw new ConfigException(key, pair, "expected name:class with class one of public, internal, confidential, restricted");
            }
        }
        return out;
    }

    @Override
    public R apply(R record) {
        if (record == null) {
            return null;
        }
        Sensitivity s = defaultClass;
        s = max(s, fromFindings(record.headers()));
        Object value = record.value();
        String tool = attribute(value, "gen_ai.tool.name");
        if (tool != null && toolRules.containsKey(tool)) {
            s = max(s, toolRules.get(tool));
        }
        for (Map.Entry<String, Sensitivity> rule : fieldRules.entrySet()) {
            if (attribute(value, rule.getKey()) != null) {
                s = max(s, rule.getValue());
            }
        }
        Headers headers = record.headers().duplicate();
        headers.remove(header.headerName());
        headers.addString(header.headerName(), s.label());
        return record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(),
                record.valueSchema(), value, record.timestamp(), headers);
    }

    private Sensitivity fromFindings(Headers headers) {
        String summary = HeaderValues.text(headers.lastWithName(findingsHeader));
        if (summary == null) {
            return defaultClass;
        }
        Sensitivity s = defaultClass;
        for (String pair : summary.split(",")) {
            int colon = pair.indexOf(':');
            Detector.Family family = families.get(colon < 0 ? pair.trim() : pair.substring(0, colon).trim());
            if (family == Detector.Family.SECRET) {
                s = max(s, secretClass);
            } else if (family == Detector.Family.PII) {
                s = max(s, piiClass);
            } else if (!pair.isBlank()) {
                s = max(s, secretClass); // an unknown detector (custom or newer): assume the worst
            }
        }
        return s;
    }

    /** A top-level field or an entry of the agent event's attributes map, as text; null if absent. */
    static String attribute(Object value, String name) {
        if (value instanceof Map) {
            Map<?, ?> m = (Map<?, ?>) value;
            Object direct = m.get(name);
            if (direct != null) {
                return direct.toString();
            }
            Object attrs = m.get("attributes");
            return attrs instanceof Map && ((Map<?, ?>) attrs).get(name) != null ? ((Map<?, ?>) attrs).get(name).toString() : null;
        }
        if (value instanceof Struct) {
            Struct s = (Struct) value;
            Field f = s.schema().field(name);
            if (f != null && s.get(f) != null) {
                return s.get(f).toString();
            }
            Field attrs = s.schema().field("attributes");
            if (attrs != null && s.get(attrs) instanceof Map) {
                Object v = ((Map<?, ?>) s.get(attrs)).get(name);
                return v == null ? null : v.toString();
            }
        }
        return null;
    }

    private static Sensitivity max(Sensitivity a, Sensitivity b) {
        return a.atLeast(b) ? a : b;
    }

    @Override
    public ConfigDef config() {
        return CONFIG_DEF;
    }

    @Override
    public String version() {
        return PluginVersion.get();
    }

    @Override
    public void close() {
    }
}
