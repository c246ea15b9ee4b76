package io.agenttelemetry.connect.smt.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Epoch times in microseconds and nanoseconds have the lengths of card numbers, and one in ten passes Luhn: they are
 * not cards. Cards of those lengths still are.
 */
class CardNumberTest {
    private static final Detectors DETECTORS = Detectors.of(Detectors.builtIn(), Set.of());
    private static final long Y2000 = 946_684_800L;
    private static final long Y2040 = 2_208_988_800L;

    @Test
    void epochMicrosAndNanosAreLeftAlone() {
        Random random = new Random(5);
        int luhnValid = 0;
        for (int i = 0; i < 20_000; i++) {
            long seconds = Y2000 + (long) (random.nextDouble() * (Y2040 - Y2000));
            String nanos = Long.toString(seconds * 1_000_000_000L + random.nextInt(1_000_000_000));
            String micros = Long.toString(seconds * 1_000_000L + random.nextInt(1_000_000));
            luhnValid += (BuiltinDetectors.luhn(nanos) ? 1 : 0) + (BuiltinDetectors.luhn(micros) ? 1 : 0);
            for (String text : List.of(nanos, micros, "{\"startTimeUnixNano\":\"" + nanos + "\",\"endTimeUnixNano\":\"" + nanos + "\"}",
                    "took from " + micros + " to " + micros)) {
                assertEquals(List.of(), types(text), text);
            }
        }
        assertTrue(luhnValid > 3_000, "about one in ten passes Luhn, so the check is what leaves them alone: " + luhnValid);
    }

    @Test
    void theFractionOfADecimalNumberIsNotACard() {
        Random random = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            String number = Double.toString(random.nextDouble() * Math.pow(10, random.nextInt(4)));
            assertEquals(List.of(), types(number), number);
            assertEquals(List.of(), types("score=" + number + ";"), number);
        }
        assertEquals(List.of("CREDIT_CARD"), types("card no.4111111111111111"));
    }

    @Test
    void cardsOfThoseLengthsAreStillFound() {
        for (String card : List.of("4111111111111111", "5555555555554444", "2223003122003222", "6011111111111117",
                "3530111333300000", "4111 1111 1111 1111", "1000-0000-0000-0008")) {
            assertEquals(List.of("CREDIT_CARD"), types(card), card);
        }
        Random random = new Random(9);
        for (String prefix : List.of("4", "62", "6011", "35", "5018", "36")) {
            for (int i = 0; i < 200; i++) {
                String card = withCheckDigit(prefix, 19, random);
                assertEquals(List.of("CREDIT_CARD"), types(card), card);
            }
        }
    }

    private static List<String> types(String text) {
        return DETECTORS.scan(text).stream().map(Finding::type).collect(Collectors.toList());
    }

    /** A number of the given length beginning with prefix whose last digit makes it pass Luhn. */
    private static String withCheckDigit(String prefix, int length, Random random) {
        StringBuilder sb = new StringBuilder(prefix);
        while (sb.length() < length - 1) {
            sb.append(random.nextInt(10));
        }
        for (char check = '0'; check <= '9'; check++) {
            if (BuiltinDetectors.luhn(sb.toString() + check)) {
                return sb.toString() + check;
            }
        }
        throw new AssertionError("one check digit always fits");
    }
}
