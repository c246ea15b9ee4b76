package io.agenttelemetry.connect.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.AgentEventConnect;
import io.agenttelemetry.connect.model.EventType;
import io.agenttelemetry.connect.model.otlp.OtlpJsonParser;

class MaskSensitiveDataTest {
    // Published test values (gitleaks rule examples, the IANA example domain), not real credentials.
    static final String OPENAI_KEY = "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";
    static final String GITHUB_LIKE_PAT = "ghp_" + "R3tQqL8vXw2ZyN6kP0mJ4sB7dF1hG9cE5aTu";
    static final String EMAIL = "jane.doe@example.com";

    private static MaskSensitiveData.Value<SinkRecord> defaults;

    @BeforeAll
    static void setUp() {
        defaults = transform(Map.of());
    }

    static MaskSensitiveData.Value<SinkRecord> transform(Map<String, String> props) {
        MaskSensitiveData.Value<SinkRecord> t = new MaskSensitiveData.Value<>();
        t.configure(props);
        return t;
    }

    static SinkRecord record(Object value) {
        return new SinkRecord("agent-events", 0, null, null, null, value, 1L, 1L, null, new ConnectHeaders());
    }

    @Test
    @SuppressWarnings("unchecked")
    void masksSecretsAndPiiAnywhereInSchemalessValues() {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gen_ai.input.messages", "please use key " + OPENAI_KEY + " and mail " + EMAIL);
        attributes.put("recipients", List.of(EMAIL, "nobody"));
        Map<String, Object> value = Map.of("attributes", attributes, "name", "chat gpt-4o");
        SinkRecord out = defaults.apply(record(value));
        Map<String, Object> a = (Map<String, Object>) ((Map<String, Object>) out.value()).get("attributes");
        assertEquals("please use key [REDACTED:OPENAI_API_KEY] and mail [REDACTED:EMAIL]", a.get("gen_ai.input.messages"));
        assertEquals(List.of("[REDACTED:EMAIL]", "nobody"), a.get("recipients"));
        assertEquals("chat gpt-4o", ((Map<String, Object>) out.value()).get("name"));
        Header h = out.headers().lastWithName("agent_telemetry.findings");
        assertEquals("EMAIL:2,OPENAI_API_KEY:1", h.value());
        assertTrue(record(value).headers().isEmpty(), "input untouched");
        assertEquals("please use key " + OPENAI_KEY + " and mail " + EMAIL, attributes.get("gen_ai.input.messages"), "input map untouched");
    }

    @Test
    void jsonInsideStringsIsMaskedInPlaceAndStaysJson() {
        String args = "{\"query\":\"contact " + EMAIL + "\",\"headers\":{\"Authorization\":\"Bearer abc.def.ghi123456789\"},\"limit\":5}";
        SinkRecord out = defaults.apply(record(Map.of("gen_ai.tool.call.arguments", args)));
        String masked = (String) ((Map<?, ?>) out.value()).get("gen_ai.tool.call.arguments");
        assertEquals("{\"query\":\"contact [REDACTED:EMAIL]\",\"headers\":{\"Authorization\":\"[REDACTED:SENSITIVE_FIELD]\"},\"limit\":5}", masked);
    }

    @Test
    void jsonMaskedAsItIsReadKeepsEverythingElseAndTextAfterItIsScanned() {
        String args = "{\"a\":[1,2.5,true,null,{\"password\":42,\"b\":\"" + EMAIL + "\"}],\"c\":\"d\\u00e9\\n\"}";
        assertEquals("{\"a\":[1,2.5,true,null,{\"password\":\"[REDACTED:SENSITIVE_FIELD]\",\"b\":\"[REDACTED:EMAIL]\"}],\"c\":\"d\u00e9\\n\"}",
                defaults.apply(record(args)).value());
        String clean = "{ \"a\" : [ 1 ] }";
        assertSame(clean, defaults.apply(record(clean)).value(), "nothing found: the string as it was");
        // A JSON value followed by more is text as a whole, so what follows it is scanned too.
        assertEquals("{\"a\":1} [REDACTED:EMAIL]", defaults.apply(record("{\"a\":1} " + EMAIL)).value());
    }

    @Test
    void numbersBesideAMaskedValueKeepTheirExactText() {
        // Read as doubles and written again, these became 0.1, 1.0E-7, "Infinity" (a string), 3.141592653589793 and
        // 19.9: their text changed, and for two of them the value or the type.
        String numbers = "[0.10,1e-7,1E400,3.141592653589793238462643383279,-0.0,123456789012345678901234567890,-7]";
        String args = "{\"to\":\"" + EMAIL + "\",\"weights\":" + numbers + ",\"amount\":19.90}";
        assertEquals("{\"to\":\"[REDACTED:EMAIL]\",\"weights\":" + numbers + ",\"amount\":19.90}", defaults.apply(record(args)).value());
    }

    @Test
    void aCurlCommandLosesItsTokenOnlyAndAJwtInItIsNamedAsAJwt() {
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        String command = "curl -s -H \"Authorization: Bearer " + jwt + "\" https://api.example.com/v1/tools";
        SinkRecord out = defaults.apply(record(Map.of("gen_ai.tool.call.arguments", command)));
        assertEquals("curl -s -H \"Authorization: Bearer [REDACTED:JWT]\" https://api.example.com/v1/tools",
                ((Map<?, ?>) out.value()).get("gen_ai.tool.call.arguments"));
    }

    @Test
    void sensitivelyNamedFieldsAreMaskedWhateverTheyHold() {
        Map<String, Object> value = new HashMap<>();
        value.put("password", "hunter2");
        value.put("db.password", "x");
        value.put("set-cookie", "session=1");
        value.put("api_key", 12345);
        value.put("enabled", true);
        Map<?, ?> out = (Map<?, ?>) defaults.apply(record(value)).value();
        assertEquals("[REDACTED:SENSITIVE_FIELD]", out.get("password"));
        assertEquals("[REDACTED:SENSITIVE_FIELD]", out.get("db.password"));
        assertEquals("[REDACTED:SENSITIVE_FIELD]", out.get("set-cookie"));
        assertEquals("[REDACTED:SENSITIVE_FIELD]", out.get("api_key"));
        assertEquals(true, out.get("enabled"));
    }

    @Test
    void benignIdentifiersAreLeftAlone() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("traceId", "5b8efff798038103d269b633813fc60c");
        value.put("spanId", "eee19b7ec3c1b174");
        value.put("gen_ai.tool.call.id", "call_8x1abcDEF2345678");
        value.put("uuid", "123e4567-e89b-12d3-a456-426614174000");
        value.put("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        value.put("time", "2026-11-26T09:15:00.123456789Z");
        value.put("model", "gpt-4o-2024-08-06");
        value.put("order", "ORD-2024-000123");
        value.put("startTimeUnixNano", 1_764_151_200_123_456_789L);
        SinkRecord in = record(value);
        assertSame(in, defaults.apply(in), "nothing found, record returned as it was");
    }

    @Test
    @SuppressWarnings("unchecked")
    void cleanPartsOfAValueAreSharedAndMaskedPartsAreNewCopiesInTheSameOrder() {
        Map<String, Object> resource = new LinkedHashMap<>(Map.of("service.name", "support-agent"));
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("gen_ai.tool.name", "send_email");
        attributes.put("gen_ai.tool.call.arguments", "{\"to\":\"" + EMAIL + "\"}");
        attributes.put("gen_ai.agent.name", "support-agent");
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("name", "execute_tool send_email");
        value.put("resourceAttributes", resource);
        value.put("attributes", attributes);
        value.put("links", List.of("a", EMAIL, "c"));
        Map<String, Object> out = (Map<String, Object>) defaults.apply(record(value)).value();
        assertSame(resource, out.get("resourceAttributes"), "nothing masked: not copied");
        Map<String, Object> a = (Map<String, Object>) out.get("attributes");
        assertEquals(List.of("gen_ai.tool.name", "gen_ai.tool.call.arguments", "gen_ai.agent.name"), List.copyOf(a.keySet()));
        assertEquals("{\"to\":\"[REDACTED:EMAIL]\"}", a.get("gen_ai.tool.call.arguments"));
        assertEquals(List.of("a", "[REDACTED:EMAIL]", "c"), out.get("links"));
        assertEquals(List.of("name", "resourceAttributes", "attributes", "links"), List.copyOf(out.keySet()));
        assertEquals("{\"to\":\"" + EMAIL + "\"}", attributes.get("gen_ai.tool.call.arguments"), "input untouched");
        assertEquals(List.of("a", EMAIL, "c"), value.get("links"), "input untouched");

        Map<String, Object> clean = Map.of("name", "chat", "attributes", Map.of("gen_ai.request.model", "gpt-4o"));
        assertSame(clean, defaults.apply(record(clean)).value(), "a value without findings is passed on as it is");
    }

    @Test
    void structsKeepTheirSchema() {
        AgentEvent e = AgentEvent.builder(EventType.SPAN).traceId("5b8efff798038103d269b633813fc60c").spanId("eee19b7ec3c1b174")
                .name("execute_tool send_email").attribute("gen_ai.tool.call.arguments", "{\"to\":\"" + EMAIL + "\"}")
                .attribute("http.request.header.authorization", "Basic dXNlcjpwYXNz").build();
        Struct in = AgentEventConnect.toStruct(e);
        SinkRecord out = defaults.apply(new SinkRecord("t", 0, null, null, AgentEventConnect.SCHEMA, in, 1L));
        Struct masked = (Struct) out.value();
        assertSame(AgentEventConnect.SCHEMA, out.valueSchema());
        masked.validate();
        AgentEvent back = AgentEventConnect.fromStruct(masked);
        assertEquals("{\"to\":\"[REDACTED:EMAIL]\"}", back.attribute("gen_ai.tool.call.arguments"));
        assertEquals("[REDACTED:SENSITIVE_FIELD]", back.attribute("http.request.header.authorization"));
        assertEquals(e.traceId(), back.traceId());
        assertEquals(e.name(), back.name());
        assertEquals(e.attribute("gen_ai.tool.call.arguments"), AgentEventConnect.fromStruct(in).attribute("gen_ai.tool.call.arguments"), "input untouched");
    }

    @Test
    void hashIsKeyedAndStableSoJoinsStillWork() {
        Map<String, String> cfg = Map.of("strategy.overrides", "EMAIL:hash", "hash.key", "k1");
        String a = (String) ((Map<?, ?>) transform(cfg).apply(record(Map.of("m", EMAIL))).value()).get("m");
        String b = (String) ((Map<?, ?>) transform(cfg).apply(record(Map.of("m", "to " + EMAIL))).value()).get("m");
        assertTrue(a.startsWith("[HASH:EMAIL:") && b.endsWith(a), a + " / " + b);
        String other = (String) ((Map<?, ?>) transform(Map.of("strategy.overrides", "EMAIL:hash", "hash.key", "k2"))
                .apply(record(Map.of("m", EMAIL))).value()).get("m");
        assertNotEquals(a, other, "another key, another pseudonym");
        assertThrows(ConfigException.class, () -> transform(Map.of("strategy", "hash")));
    }

    @Test
    void partialAndDropStrategies() {
        Map<?, ?> out = (Map<?, ?>) transform(Map.of("strategy", "partial")).apply(record(Map.of("card", "4111 1111 1111 1111"))).value();
        assertEquals("***************1111", out.get("card"));
        Map<?, ?> dropped = (Map<?, ?>) transform(Map.of("strategy.overrides", "EMAIL:drop"))
                .apply(record(Map.of("to", EMAIL, "subject", "hi"))).value();
        assertEquals(Map.of("subject", "hi"), dropped);
    }

    @Test
    void disabledDetectorsAndAllowListsAreRespected() {
        SinkRecord in = record(Map.of("to", EMAIL, "ip", "10.1.2.3"));
        Map<?, ?> out = (Map<?, ?>) transform(Map.of("detectors.disabled", "EMAIL", "allowlist.regexes", "10\\..*")).apply(in).value();
        assertSame(in.value(), out == in.value() ? out : in.value());
        assertEquals(EMAIL, out.get("to"));
        assertEquals("10.1.2.3", out.get("ip"));
    }

    @Test
    void tombstonesAndStringValuesAndKeys() {
        assertNull(defaults.apply(record(null)).value());
        assertEquals("mail [REDACTED:EMAIL]", defaults.apply(record("mail " + EMAIL)).value());
        MaskSensitiveData.Key<SourceRecord> key = new MaskSensitiveData.Key<>();
        key.configure(Map.of());
        SourceRecord r = new SourceRecord(Map.of(), Map.of(), "t", null, null, EMAIL, null, "v");
        assertEquals("[REDACTED:EMAIL]", key.apply(r).key());
        assertEquals("v", key.apply(r).value());
    }

    @Test
    void hostileInputIsHandledWithoutEscapingExceptions() {
        String huge = "x".repeat(10 * 1024 * 1024) + " " + EMAIL;
        assertTrue(((String) defaults.apply(record(huge)).value()).endsWith("[REDACTED:EMAIL]"));
        String deep = "[".repeat(10_000) + "\"" + EMAIL + "\"" + "]".repeat(10_000);
        assertFalse(((String) defaults.apply(record(deep)).value()).contains(EMAIL), "too deep for the JSON parser: scanned as text");
        assertEquals("{not json [REDACTED:EMAIL]", defaults.apply(record("{not json " + EMAIL)).value());
        byte[] binary = {0, 1, 2, (byte) 0xff};
        assertSame(binary, defaults.apply(record(binary)).value());
    }

    @Test
    void realAgentSpansPassThroughWithTheirIdentifiersIntact() throws Exception {
        OtlpJsonParser parser = new OtlpJsonParser();
        int spans = 0;
        for (String line : Files.readAllLines(Paths.get(System.getProperty("testdata.dir", "../testdata"),
                "corpus/agent-traces/crewai-telemetry/crewai-telemetry.otlp.jsonl"))) {
            for (AgentEvent e : parser.parse(line, null)) {
                Struct in = AgentEventConnect.toStruct(e);
                Struct out = (Struct) defaults.apply(new SinkRecord("t", 0, null, null, AgentEventConnect.SCHEMA, in, 1L)).value();
                out.validate();
                AgentEvent back = AgentEventConnect.fromStruct(out);
                assertEquals(e.traceId(), back.traceId());
                assertEquals(e.spanId(), back.spanId());
                assertEquals(e.name(), back.name());
                assertEquals(e.startTimeUnixNano(), back.startTimeUnixNano());
                assertEquals(e.attribute("crew_key"), back.attribute("crew_key"), "content hashes are not secrets");
                spans++;
            }
        }
        assertEquals(295, spans);
    }

    /**
     * The agent corpus as a JSON converter hands it over, schemaless: OTLP/JSON writes its nanosecond times as
     * strings (one in ten passes Luhn), frameworks write ISO times with microseconds (the seconds and fraction,
     * "01.441401", have the shape of a national phone number). It holds no secret or PII, so nothing changes.
     */
    @Test
    void theAgentCorpusAsWrittenPassesUnchanged() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path corpus = Paths.get(System.getProperty("testdata.dir", "../testdata"), "corpus");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus.resolve("agent-traces"))) {
            files = new ArrayList<>(walk.filter(Files::isRegularFile).collect(Collectors.toList()));
        }
        try (Stream<Path> walk = Files.walk(corpus.resolve("agent-logs"))) {
            walk.filter(f -> f.toString().endsWith(".jsonl") || f.toString().endsWith(".json")).forEach(files::add);
        }
        int documents = 0;
        for (Path file : files) {
            try (MappingIterator<Object> values = json.readerFor(Object.class).readValues(file.toFile())) {
                while (values.hasNext()) {
                    Object value = values.next();
                    SinkRecord out = defaults.apply(new SinkRecord("t", 0, null, null, null, value, documents++));
                    assertNull(out.headers().lastWithName("agent_telemetry.findings"), () -> file + ": " + out.headers());
                    assertSame(value, out.value(), file::toString);
                }
            }
        }
        assertEquals(163, documents);
    }

    @Test
    void customDetectorsFromConfigMaskWithTheirOwnNameGroupEntropyAndChecksum() {
        Map<String, String> props = new HashMap<>();
        props.put("detectors.custom", "EMPLOYEE_ID,INTERNAL_TOKEN,ACCOUNT_CARD");
        props.put("detectors.custom.EMPLOYEE_ID.regex", "\\bemp-(\\d{6})\\b");
        props.put("detectors.custom.EMPLOYEE_ID.family", "pii");
        props.put("detectors.custom.EMPLOYEE_ID.keywords", "EMP-");
        props.put("detectors.custom.INTERNAL_TOKEN.regex", "\\bitk_[A-Za-z0-9]{16}\\b");
        props.put("detectors.custom.INTERNAL_TOKEN.entropy", "3.0");
        props.put("detectors.custom.ACCOUNT_CARD.regex", "\\bacct:(\\d{16})\\b");
        props.put("detectors.custom.ACCOUNT_CARD.validator", "luhn");
        props.put("strategy.overrides", "EMPLOYEE_ID:partial");
        props.put("partial.keep", "2");
        MaskSensitiveData.Value<SinkRecord> t = transform(props);
        String text = "user emp-123456 used itk_a8Kd02LmQz7Rt5Xw and itk_aaaaaaaaaaaaaaaa, acct:4111111111111111 acct:4111111111111112";
        SinkRecord out = t.apply(record(Map.of("body", text)));
        assertEquals("user emp-****56 used [REDACTED:INTERNAL_TOKEN] and itk_aaaaaaaaaaaaaaaa, acct:[REDACTED:ACCOUNT_CARD] acct:4111111111111112",
                ((Map<?, ?>) out.value()).get("body"));
        Header h = out.headers().lastWithName("agent_telemetry.findings");
        assertTrue(h.value().toString().contains("EMPLOYEE_ID:1"), h.value().toString());
        t.close();
    }

    @Test
    void badCustomDetectorsAreConfigErrorsNamingTheKey() {
        ConfigException missing = assertThrows(ConfigException.class, () -> transform(Map.of("detectors.custom", "X_ID")));
        assertTrue(missing.getMessage().contains("detectors.custom.X_ID.regex"), missing.getMessage());
        ConfigException badGroup = assertThrows(ConfigException.class, () -> transform(Map.of("detectors.custom", "X_ID",
                "detectors.custom.X_ID.regex", "x(\\d)", "detectors.custom.X_ID.group", "2")));
        assertTrue(badGroup.getMessage().contains("group"), badGroup.getMessage());
        assertThrows(ConfigException.class, () -> transform(Map.of("detectors.custom", "x-id")));
        assertThrows(ConfigException.class, () -> transform(Map.of("detectors.custom", "X_ID",
                "detectors.custom.X_ID.regex", "x", "detectors.custom.X_ID.validator", "crc32")));
    }
}
