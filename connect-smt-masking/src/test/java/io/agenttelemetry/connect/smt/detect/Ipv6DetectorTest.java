package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class Ipv6DetectorTest {

    private static List<String> found(String text) {
        List<Finding> out = new ArrayList<>();
        new Ipv6Detector().find(text, out);
        return out.stream().map(f -> text.substring(f.start(), f.end())).collect(Collectors.toList());
    }

    @Test
    void findsEveryTextFormOfAnAddress() {
        assertEquals(List.of("2001:0db8:85a3:0000:0000:8a2e:0370:7334"), found("peer 2001:0db8:85a3:0000:0000:8a2e:0370:7334 up"));
        assertEquals(List.of("2001:db8::8a2e:370:7334"), found("from 2001:db8::8a2e:370:7334."));
        assertEquals(List.of("::ffff:192.0.2.128"), found("mapped ::ffff:192.0.2.128 here"));
        assertEquals(List.of("2001:db8::1"), found("url http://[2001:db8::1]:8080/x"));
        assertEquals(List.of("fe80::1ff:fe23:4567:890a"), found("link fe80::1ff:fe23:4567:890a%eth0"));
        assertEquals(List.of("2001:db8::"), found("net 2001:db8::/32"));
        assertEquals(List.of("::1", "2001:db8:0:1:1:1:1:1"), found("a ::1 b 2001:db8:0:1:1:1:1:1"));
    }

    @Test
    void leavesCodeTimesAndWordsAlone() {
        assertEquals(List.of(), found("std::vector<int> and std::cout"));
        assertEquals(List.of(), found("at 10:00:00.123 on 2025-11-26"));
        assertEquals(List.of(), found("text2001:db8::1 and fe80::1text"));
        assertEquals(List.of(), found("no colons in this text at all"));
        assertEquals(List.of(), found("a:b"));
        assertEquals(List.of(), found(""));
    }
}
