package io.agenttelemetry.connect.smt;

import java.util.Arrays;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.header.Headers;

import io.agenttelemetry.connect.model.Sensitivity;

/**
 * Reads a record's sensitivity class from its header. Owns the config keys every sensitivity-aware plugin shares,
 * so they are named and documented once.
 */
final class SensitivityHeader {
    static final String HEADER_NAME_CONFIG = "sensitivity.header.name";
    static final String MISSING_AS_CONFIG = "sensitivity.missing.as";
    static final String GROUP = "Sensitivity";

    private final String headerName;
    private final Sensitivity missingAs;

    private SensitivityHeader(String headerName, Sensitivity missingAs) {
        this.headerName = headerName;
        this.missingAs = missingAs;
    }

    static ConfigDef define(ConfigDef def) {
        String[] classes = Arrays.stream(Sensitivity.values()).map(Sensitivity::label).toArray(String[]::new);
        return def
                .define(HEADER_NAME_CONFIG, ConfigDef.Type.STRING, Sensitivity.HEADER, new ConfigDef.NonEmptyString(),
                        ConfigDef.Importance.MEDIUM, "Record header that carries the sensitivity class.",
                        GROUP, 1, ConfigDef.Width.MEDIUM, "Sensitivity header")
                .define(MISSING_AS_CONFIG, ConfigDef.Type.STRING, Sensitivity.RESTRICTED.label(),
                        ConfigDef.CaseInsensitiveValidString.in(classes), ConfigDef.Importance.MEDIUM,
                        "Class assumed for a record whose header is missing or unreadable. The default, restricted, "
                                + "keeps unclassified records away from consumers that may not see them.",
                        GROUP, 2, ConfigDef.Width.SHORT, "Class when missing");
    }

    static SensitivityHeader from(AbstractConfig config) {
        return new SensitivityHeader(config.getString(HEADER_NAME_CONFIG), Sensitivity.parse(config.getString(MISSING_AS_CONFIG)));
    }

    /** The class in the last header of that name; the configured fallback when there is none or it is not a class. */
    Sensitivity read(Headers headers) {
        return Sensitivity.read(headers, headerName, missingAs);
    }

    String headerName() {
        return headerName;
    }
}
