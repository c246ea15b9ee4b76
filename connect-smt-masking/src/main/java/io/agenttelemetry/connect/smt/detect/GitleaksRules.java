package io.agenttelemetry.connect.smt.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * The gitleaks rule set (MIT, bundled as gitleaks.toml) as detectors: same regexes (Go syntax translated), keywords,
 * entropy thresholds, secret groups and allowlists, including the global one.
 */
final class GitleaksRules {
    private static final Logger log = LoggerFactory.getLogger(GitleaksRules.class);
    private static final String RESOURCE = "gitleaks.toml";
    /** A regex that starts (after optional inline flags) with the lazy prefix of gitleaks' semi-generic rules. */
    private static final Pattern LAZY_PREFIX = Pattern.compile("^(\\(\\?[a-zA-Z]+\\))?\\[\\\\w\\.-\\]\\{0,(\\d+)\\}\\?(.*)$", Pattern.DOTALL);
    /** A regex anchored at both ends: optional inline flags, '^', the body, '$'. */
    private static final Pattern ANCHORED = Pattern.compile("^(\\(\\?[a-zA-Z]+\\))?\\^(.*)\\$$");

    /**
     * Our additions to gitleaks' allowlists. generic-api-key: a "secret" that is an identifier whose last word names
     * a credential ({@code chain_Anvil2_Key} in {@code import { chain_Anvil1_Key, chain_Anvil2_Key }}) is a variable
     * name, not a value; gitleaks' own examples list that import as a non-finding.
     */
    private static final Map<String, Allowlist> OUR_ALLOWLISTS = Map.of(
            "generic-api-key", new Allowlist(List.of(Pattern.compile(
                    "(?i)^[a-z][a-z0-9]*(?:_[a-z0-9]+)*_(?:api_?key|key|token|secret|passw(?:or)?d|creds?|credentials?|auth)$")),
                    List.of(), List.of()));

    private GitleaksRules() {
    }

    static List<Detector> load() {
        return load(true);
    }

    /**
     * @param fast false for the regexes as written: without dropping the lazy prefix and tried at every position,
     *             not only where a keyword starts; neither may change what is found (tested against these)
     */
    static List<Detector> load(boolean fast) {
        JsonNode root;
        try (InputStream in = GitleaksRules.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the masking plugin jar");
            }
            root = new TomlMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        Allowlist global = allowlist(root.path("allowlist"));
        List<Detector> detectors = new ArrayList<>();
        for (JsonNode rule : root.path("rules")) {
            if (!rule.hasNonNull("regex")) {
                continue; // path-only rules say nothing about content
            }
            String id = rule.path("id").asText();
            try {
                Allowlist allow = global;
                for (JsonNode a : rule.path("allowlists")) {
                    allow = allow.and(allowlist(a));
                }
                if (rule.has("allowlist")) {
                    allow = allow.and(allowlist(rule.path("allowlist")));
                }
                allow = allow.and(OUR_ALLOWLISTS.getOrDefault(id, Allowlist.NONE));
                List<String> keywords = new ArrayList<>();
                rule.path("keywords").forEach(k -> keywords.add(k.asText().toLowerCase(Locale.ROOT)));
                String regex = goToJava(rule.path("regex").asText());
                java.util.regex.Matcher lazy = LAZY_PREFIX.matcher(regex);
                int leftReach = 0;
                if (fast && lazy.matches()) {
                    leftReach = Integer.parseInt(lazy.group(2));
                    regex = (lazy.group(1) == null ? "" : lazy.group(1)) + lazy.group(3);
                }
                RegexDetector detector = new RegexDetector(name(id), Detector.Family.SECRET, Pattern.compile(regex),
                        keywords.toArray(new String[0]), rule.has("secretGroup") ? rule.path("secretGroup").asInt() : -1,
                        rule.path("entropy").asDouble(0), allow).leftReach(leftReach);
                detectors.add(fast ? detector : detector.triedEverywhere());
            } catch (PatternSyntaxException e) {
                log.warn("Skipping gitleaks rule {}: its regex does not compile in Java: {}", id, e.getDescription());
            }
        }
        return detectors;
    }

    /** gitleaks-id to detector name: openai-api-key becomes OPENAI_API_KEY. */
    static String name(String id) {
        return id.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static Allowlist allowlist(JsonNode a) {
        List<Pattern> secret = new ArrayList<>();
        List<Pattern> match = new ArrayList<>();
        String target = a.path("regexTarget").asText("secret");
        for (JsonNode r : a.path("regexes")) {
            try {
                ("secret".equals(target) ? secret : match).add(Pattern.compile(anchorsBindAll(goToJava(r.asText()))));
            } catch (PatternSyntaxException e) {
                log.debug("Skipping allowlist regex {}: {}", r.asText(), e.getDescription());
            }
        }
        List<String> stopwords = new ArrayList<>();
        a.path("stopwords").forEach(w -> stopwords.add(w.asText().toLowerCase(Locale.ROOT)));
        return new Allowlist(secret, match, stopwords);
    }

    /**
     * An allowlist regex anchored at both ends whose alternatives are not grouped, as gitleaks' global
     * {@code (?i)^true|false|null$}, reads in RE2 and Java as "starts with true, or contains false, or ends with null":
     * it allowed any secret ending in "null" (a random token ending in "NULl" went unmasked in the fault suite).
     * An allowlist must never allow more than it says, so the anchors bind all alternatives: {@code ^(?:...)$}.
     */
    static String anchorsBindAll(String re) {
        java.util.regex.Matcher flags = ANCHORED.matcher(re);
        if (!flags.matches() || flags.group(2).endsWith("\\") || !hasTopLevelAlternation(flags.group(2))) {
            return re;
        }
        return (flags.group(1) == null ? "" : flags.group(1)) + "^(?:" + flags.group(2) + ")$";
    }

    private static boolean hasTopLevelAlternation(String re) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** RE2 (Go) to java.util.regex: named groups, POSIX classes, and '{' that RE2 reads as a literal. */
    static String goToJava(String re) {
        String s = re.replace("(?P<", "(?<")
                .replace("[[:alnum:]]", "\\p{Alnum}").replace("[:alnum:]", "\\p{Alnum}")
                .replace("[[:alpha:]]", "\\p{Alpha}").replace("[:alpha:]", "\\p{Alpha}")
                .replace("[[:digit:]]", "\\d").replace("[:digit:]", "\\d")
                .replace("[[:space:]]", "\\s").replace("[:space:]", "\\s");
        return s.replaceAll("(?<!\\\\)\\{(?!\\d+(?:,\\d*)?\\})", "\\\\{");
    }
}
