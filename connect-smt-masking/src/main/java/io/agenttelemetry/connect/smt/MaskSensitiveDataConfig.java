package io.agenttelemetry.connect.smt;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.agenttelemetry.connect.model.config.EnumConfig;
import io.agenttelemetry.connect.smt.detect.CustomDetector;
import io.agenttelemetry.connect.smt.detect.Detector;

/** Configuration of {@link MaskSensitiveData}, parsed once. */
final class MaskSensitiveDataConfig extends AbstractConfig {
    static final String DETECTORS_DISABLED_CONFIG = "detectors.disabled";
    static final String STRATEGY_CONFIG = "strategy";
    static final String STRATEGY_OVERRIDES_CONFIG = "strategy.overrides";
    static final String HASH_KEY_CONFIG = "hash.key";
    static final String PARTIAL_KEEP_CONFIG = "partial.keep";
    static final String FIELD_NAMES_REGEX_CONFIG = "field.names.regex";
    static final String ALLOWLIST_REGEXES_CONFIG = "allowlist.regexes";
    static final String JSON_IN_STRINGS_CONFIG = "json.in.strings";
    static final String FINDINGS_HEADER_CONFIG = "findings.header.name";
    static final String CUSTOM_DETECTORS_CONFIG = "detectors.custom";
    static final String CUSTOM_PREFIX = CUSTOM_DETECTORS_CONFIG + ".";
    private static final Pattern DETECTOR_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** How a finding is masked. */
    enum Strategy { REDACT, HASH, PARTIAL, DROP }

    static final String DEFAULT_FIELD_NAMES = "(?i)(?:.*[._-])?(?:password|passwd|pwd|secret|client[_-]?secret|token|access[_-]?token"
            + "|refresh[_-]?token|id[_-]?token|api[_-]?key|apikey|x-api-key|authorization|proxy-authorization|cookie|set-cookie|private[_-]?key)";

    static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(DETECTORS_DISABLED_CONFIG, Type.LIST, "", Importance.MEDIUM,
                    "Detectors to switch off by name (e.g. PHONE_NUMBER,IP_ADDRESS). Every built-in detector is on by default: "
                            + "the gitleaks rules (named like OPENAI_API_KEY), AUTHORIZATION_HEADER, BEARER_TOKEN, URL_CREDENTIALS, "
                            + "EMAIL, CREDIT_CARD, IBAN, US_SSN, IP_ADDRESS, PHONE_NUMBER.",
                    "Detection", 1, Width.LONG, "Disabled detectors")
            .define(ALLOWLIST_REGEXES_CONFIG, Type.LIST, "", Importance.LOW,
                    "Values matching any of these regexes are never masked.",
                    "Detection", 2, Width.LONG, "Allow-list")
            .define(CUSTOM_DETECTORS_CONFIG, Type.LIST, "", Importance.MEDIUM,
                    "Names of detectors defined here, upper case (e.g. EMPLOYEE_ID). Each is set up with "
                            + "detectors.custom.<NAME>.regex (required), .group (capture group of the value; default 1 if "
                            + "the regex has a group, else the whole match), .entropy (minimum Shannon entropy of the "
                            + "value, default 0), .validator (none, luhn or mod97), .keywords (comma-separated words one of "
                            + "which must occur before the regex runs; faster) and .family (secret or pii, default secret).",
                    "Detection", 5, Width.LONG, "Custom detectors")
            .define(FIELD_NAMES_REGEX_CONFIG, Type.STRING, DEFAULT_FIELD_NAMES, Importance.MEDIUM,
                    "Fields (and map keys, also inside JSON strings) whose full name matches are masked whatever they hold.",
                    "Detection", 3, Width.LONG, "Sensitive field names")
            .define(JSON_IN_STRINGS_CONFIG, Type.BOOLEAN, true, Importance.LOW,
                    "Parse strings that hold JSON (tool arguments, prompts) and mask inside them. A string with findings is written back as compact JSON, each number as it was written; one without stays as it was.",
                    "Detection", 4, Width.SHORT, "JSON in strings")
            .define(STRATEGY_CONFIG, Type.STRING, "redact", EnumConfig.validator(Strategy.class), Importance.HIGH,
                    "redact: [REDACTED:TYPE]; hash: [HASH:TYPE:<first 16 hex of HMAC-SHA256 of the value>], so equal values "
                            + "stay joinable; partial: keep the last partial.keep characters; drop: remove the whole field "
                            + "(null for an optional Struct field, an empty string for a required one).",
                    "Masking", 1, Width.SHORT, "Strategy")
            .define(STRATEGY_OVERRIDES_CONFIG, Type.LIST, "", Importance.LOW,
                    "Per-detector strategies as DETECTOR:strategy pairs, e.g. EMAIL:hash,CREDIT_CARD:partial.",
                    "Masking", 2, Width.LONG, "Strategy per detector")
            .define(HASH_KEY_CONFIG, Type.PASSWORD, "", Importance.MEDIUM,
                    "HMAC key for the hash strategy; required when any detector hashes. Use a config provider.",
                    "Masking", 3, Width.MEDIUM, "Hash key")
            .define(PARTIAL_KEEP_CONFIG, Type.INT, 4, ConfigDef.Range.between(0, 16), Importance.LOW,
                    "Characters kept at the end by the partial strategy.",
                    "Masking", 4, Width.SHORT, "Partial keep")
            .define(FINDINGS_HEADER_CONFIG, Type.STRING, "agent_telemetry.findings", new ConfigDef.NonEmptyString(), Importance.LOW,
                    "Header summarizing what was masked, as TYPE:count pairs (e.g. EMAIL:2,OPENAI_API_KEY:1); never the values. "
                            + "Absent when nothing was found.",
                    "Masking", 5, Width.MEDIUM, "Findings header");

    final Set<String> disabled;
    final List<Pattern> allowlist;
    final Pattern fieldNames;
    final boolean jsonInStrings;
    final Strategy strategy;
    final Map<String, Strategy> overrides;
    final Password hashKey;
    final int partialKeep;
    final String findingsHeader;
    final List<Detector> customDetectors;

    MaskSensitiveDataConfig(Map<String, ?> props) {
        super(CONFIG_DEF, props);
        disabled = new HashSet<>(getList(DETECTORS_DISABLED_CONFIG));
        allowlist = getList(ALLOWLIST_REGEXES_CONFIG).stream().map(r -> compile(ALLOWLIST_REGEXES_CONFIG, r)).collect(java.util.stream.Collectors.toList());
        fieldNames = compile(FIELD_NAMES_REGEX_CONFIG, getString(FIELD_NAMES_REGEX_CONFIG));
        jsonInStrings = getBoolean(JSON_IN_STRINGS_CONFIG);
        strategy = EnumConfig.parse(Strategy.class, getString(STRATEGY_CONFIG));
        overrides = new HashMap<>();
        for (String pair : getList(STRATEGY_OVERRIDES_CONFIG)) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new ConfigException(STRATEGY_OVERRIDES_CONFIG, pair, "expected DETECTOR:strategy");
            }
            String s = pair.substring(colon + 1).trim();
            EnumConfig.validator(Strategy.class).ensureValid(STRATEGY_OVERRIDES_CONFIG, s);
            overrides.put(pair.substring(0, colon).trim(), EnumConfig.parse(Strategy.class, s));
        }
        hashKey = getPassword(HASH_KEY_CONFIG);
        partialKeep = getInt(PARTIAL_KEEP_CONFIG);
        findingsHeader = getString(FINDINGS_HEADER_CONFIG);
        customDetectors = customDetectors(getList(CUSTOM_DETECTORS_CONFIG), originalsStrings());
        boolean hashing = strategy == Strategy.HASH || overrides.containsValue(Strategy.HASH);
        if (hashing && hashKey.value().isEmpty()) {
            throw new ConfigException(HASH_KEY_CONFIG, "[hidden]", "the hash strategy needs a key");
        }
    }

    private static List<Detector> customDetectors(List<String> names, Map<String, String> props) {
        List<Detector> out = new java.util.ArrayList<>();
        for (String name : names) {
            String prefix = CUSTOM_PREFIX + name + ".";
            if (!DETECTOR_NAME.matcher(name).matches()) {
                throw new ConfigException(CUSTOM_DETECTORS_CONFIG, name, "detector names are upper case letters, digits and _");
            }
            String regex = props.get(prefix + "regex");
            if (regex == null || regex.isEmpty()) {
                throw new ConfigException(prefix + "regex", regex, "required for custom detector " + name);
            }
            Pattern pattern = compile(prefix + "regex", regex);
            int group = parse(prefix + "group", props, "-1", Integer::parseInt);
            if (group > pattern.matcher("").groupCount()) {
                throw new ConfigException(prefix + "group", group, "the regex has only " + pattern.matcher("").groupCount() + " groups");
            }
            double entropy = parse(prefix + "entropy", props, "0", Double::parseDouble);
            CustomDetector.Validator validator = parse(prefix + "validator", props, "none",
                    v -> EnumConfig.parse(CustomDetector.Validator.class, v));
            Detector.Family family = parse(prefix + "family", props, "secret", v -> EnumConfig.parse(Detector.Family.class, v));
            String keywords = props.getOrDefault(prefix + "keywords", "").trim();
            out.add(CustomDetector.of(name, family, pattern, group, entropy, validator,
                    keywords.isEmpty() ? new String[0] : keywords.split("\\s*,\\s*")));
        }
        return out;
    }

    private static <T> T parse(String key, Map<String, String> props, String fallback, java.util.function.Function<String, T> parser) {
        String v = props.getOrDefault(key, fallback).trim();
        try {
            return parser.apply(v);
        } catch (RuntimeException e) {
            throw new ConfigException(key, v, "invalid value: " + e.getMessage());
        }
    }

    private static Pattern compile(String key, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new ConfigException(key, regex, "not a valid regex: " + e.getDescription());
        }
    }

    Strategy strategyFor(String type) {
        return overrides.getOrDefault(type, strategy);
    }
}
