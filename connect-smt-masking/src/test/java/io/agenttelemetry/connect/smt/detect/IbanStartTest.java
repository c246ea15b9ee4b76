package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The IBAN gate, which reads every fourth character, answers as a look at every position would. */
class IbanStartTest {

    @Test
    void findsStartsAtEveryOffsetAndLength() {
        assertTrue(BuiltinDetectors.hasIbanStart("GB82"));
        assertTrue(BuiltinDetectors.hasIbanStart("x GB82 WEST"));
        assertTrue(BuiltinDetectors.hasIbanStart("abcdeGB82"));
        assertFalse(BuiltinDetectors.hasIbanStart("GB8"));
        assertFalse(BuiltinDetectors.hasIbanStart("gb82 Gb82 G182 GBB2"));
        Random random = new Random(3);
        String alphabet = "AGBZ0189az -";
        int starts = 0;
        for (int t = 0; t < 20_000; t++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            boolean expected = s.matches("(?s).*[A-Z]{2}[0-9]{2}.*");
            assertEquals(expected, BuiltinDetectors.hasIbanStart(s), s);
            starts += expected ? 1 : 0;
        }
        assertTrue(starts > 100, "strings with a start: " + starts);
    }
}
