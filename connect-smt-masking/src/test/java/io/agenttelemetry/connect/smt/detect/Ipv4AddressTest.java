package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** IPv4 addresses are found, network numbers too, but not the version in a browser's user agent. */
class Ipv4AddressTest {
    private static final Detectors DETECTORS = Detectors.of(Detectors.builtIn(), Set.of());

    @Test
    void aBrowserVersionIsLeftAlone() {
        for (String text : List.of(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
                "Edg/126.0.0.0", "Mozilla/5.0 Chrome/126.0.0.0")) {
            assertEquals(List.of(), types(text), text);
        }
    }

    @Test
    void addressesAreFound() {
        for (String text : List.of("host 10.0.0.1 port 8080", "http://192.168.1.20:8000/v1", "from 8.8.8.8", "126.0.0.1",
                "203.0.113.0 in a /16", "Default 0.0.0.0", "Route is 10.0.0.0/8.", "see http://126.0.0.0/", "v/126.0.0.1")) {
            assertEquals(List.of("IP_ADDRESS"), types(text), text);
        }
    }

    private static List<String> types(String text) {
        return DETECTORS.scan(text).stream().map(Finding::type).collect(Collectors.toList());
    }
}
