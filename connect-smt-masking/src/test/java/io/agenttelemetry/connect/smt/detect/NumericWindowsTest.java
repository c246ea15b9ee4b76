package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A numeric detector run by {@link Detectors}, which hands it only the digit windows of a string, finds exactly what
 * it finds in the whole string: numbers standing alone, glued to letters (hex ids), between separators and at the
 * ends of the string.
 */
class NumericWindowsTest {
    private static final String[] PIECES = {
        "4111 1111 1111 1111", "4111111111111111", "5500-0000-0000-0004", "078-05-1120", "219.09.9999", "192.168.1.20",
        "+1 415 555 0100", "(415) 555-0100", "09-7625400", "+44 20 7946 0958", "2026-10-01", "ORD-2024-100123",
        "deadbeef", "a1b2", "x", "_", "-", ".", " ", "+", "(", ")", ":", "\n", "0", "12345678", "987654321", "Chrome/", "/",
        "126.0.0.0", "0.34119238836262983", "20:58:01.441401", "1744222701398065000",
    };

    @Test
    void windowsFindWhatTheWholeTextHolds() {
        List<Detector> numeric = Detectors.builtIn().stream().filter(Detector::numeric).collect(Collectors.toList());
        assertFalse(numeric.isEmpty());
        Random random = new Random(7);
        int compared = 0;
        int found = 0;
        for (int t = 0; t < 3000; t++) {
            StringBuilder text = new StringBuilder();
            for (int p = random.nextInt(6) + 1; p > 0; p--) {
                text.append(PIECES[random.nextInt(PIECES.length)]);
            }
            if (random.nextBoolean()) {
                text.append(Long.toHexString(random.nextLong())); // a hex id, digits and letters glued
            }
            String s = text.toString();
            for (Detector d : numeric) {
                List<Finding> whole = new ArrayList<>();
                d.find(s, whole);
                List<Finding> windowed = Detectors.of(List.of(d), Set.of()).scan(s);
                assertEquals(whole.toString(), windowed.toString(), d.name() + " in \"" + s + "\"");
                compared++;
                found += whole.size();
            }
        }
        // The pieces make plenty of matches, so the comparison is not one of empty lists.
        assertEquals(3000 * numeric.size(), compared);
        assertTrue(found > 1000, "findings: " + found);
    }
}
