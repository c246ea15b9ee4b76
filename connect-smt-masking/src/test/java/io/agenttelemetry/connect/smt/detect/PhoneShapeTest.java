package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The phone gate lets through every string in which the phone regex finds a number, and stops dates and order numbers. */
class PhoneShapeTest {

    @Test
    void everyStringWithAPhoneNumberPassesTheGate() {
        Pattern phone = BuiltinDetectors.pii().stream().filter(d -> d.name().equals("PHONE_NUMBER"))
                .map(d -> ((RegexDetector) d).pattern()).findFirst().orElseThrow();
        Random random = new Random(5);
        String separators = " .-()+";
        int numbers = 0;
        for (int t = 0; t < 200_000; t++) {
            StringBuilder sb = new StringBuilder();
            for (int piece = random.nextInt(6) + 1; piece > 0; piece--) {
                int kind = random.nextInt(10);
                if (kind < 6) {
                    for (int d = random.nextInt(9) + 1; d > 0; d--) {
                        sb.append((char) ('0' + random.nextInt(10)));
                    }
                } else if (kind < 9) {
                    sb.append(separators.charAt(random.nextInt(separators.length())));
                } else {
                    sb.append(random.nextBoolean() ? "x" : "_");
                }
            }
            String s = sb.toString();
            if (phone.matcher(s).find()) {
                numbers++;
                assertTrue(BuiltinDetectors.mayBePhone(s), s);
            }
        }
        assertTrue(numbers > 1000, "strings holding a number: " + numbers);
        assertTrue(BuiltinDetectors.mayBePhone("call (415) 555-0100"));
        assertTrue(BuiltinDetectors.mayBePhone("09-7625400"));
        assertFalse(BuiltinDetectors.mayBePhone("order ORD-2024-100123 of 2026-10-01"));
    }

    /** ISO times with a fraction: the seconds and fraction ("01.441401") have the trunk form's shape, after a colon. */
    @Test
    void theSecondsOfATimeAreNotANationalNumber() {
        Detectors detectors = Detectors.of(Detectors.builtIn(), Set.of());
        for (String time : List.of("2025-12-04T20:58:01.441401", "2025-08-15T17:56:01.153736+00:00", "at 09:30:05.1234567 UTC",
                "elapsed 00:01.441401")) {
            assertEquals(List.of(), detectors.scan(time), time);
        }
        for (String phone : List.of("09-7625400", "call 03 1234567 today", "tel:09-7625400", "Phone:09-7625400")) {
            assertEquals(List.of("PHONE_NUMBER"), detectors.scan(phone).stream().map(Finding::type).collect(Collectors.toList()), phone);
        }
    }
}
