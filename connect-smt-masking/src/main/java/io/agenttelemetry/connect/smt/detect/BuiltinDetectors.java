package io.agenttelemetry.connect.smt.detect;

import java.math.BigInteger;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/** Detectors gitleaks does not have: Authorization headers, bearer tokens, credentials in URLs, and PII. */
final class BuiltinDetectors {
    /** The first seconds of 2000 and of 2040, UTC. */
    private static final long Y2000 = 946_684_800L;
    private static final long Y2040 = 2_208_988_800L;

    private BuiltinDetectors() {
    }

    static List<Detector> secrets() {
        return List.of(
                new RegexDetector("AUTHORIZATION_HEADER", Detector.Family.SECRET,
                        Pattern.compile("(?i)\\b(?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?(?:bearer|basic|token|digest|apikey)?\\s*([A-Za-z0-9._~+/=:-]{8,})"),
                        new String[] {"authorization"}, 1, 0, Allowlist.NONE),
                new RegexDetector("BEARER_TOKEN", Detector.Family.SECRET,
                        Pattern.compile("(?i)\\bbearer\\s+([A-Za-z0-9._~+/-]{16,}=*)"),
                        new String[] {"bearer"}, 1, 3.0, Allowlist.NONE),
                new RegexDetector("URL_CREDENTIALS", Detector.Family.SECRET,
                        Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]{1,20}://[^\\s:/@\"']{1,100}:([^\\s@/\"']{1,200})@[^\\s/\"']"),
                        new String[] {"://"}, 1, 0, Allowlist.NONE).shape(t -> t.indexOf('@', t.indexOf("://")) > 0));
    }

    static List<Detector> pii() {
        return List.of(
                new EmailDetector(),
                // Not the fraction of a decimal number (0.34119238836262983), which follows a digit and a point.
                new RegexDetector("CREDIT_CARD", Detector.Family.PII,
                        Pattern.compile("(?<![\\w-]|\\d\\.)(?:\\d[ -]?){13,18}\\d(?![\\w-])"),
                        new String[0], 0, 0, Allowlist.NONE, BuiltinDetectors::cardNumber).minDigits(13).numericOnly(),
                new RegexDetector("IBAN", Detector.Family.PII,
                        Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b"),
                        new String[0], 0, 0, Allowlist.NONE, BuiltinDetectors::mod97).minDigits(8).shape(BuiltinDetectors::hasIbanStart),
                new RegexDetector("US_SSN", Detector.Family.PII,
                        Pattern.compile("(?<![\\w-])(\\d{3})([-. ])(\\d{2})\\2(\\d{4})(?![\\w-])"),
                        new String[0], 0, 0, Allowlist.NONE, BuiltinDetectors::validSsn).minDigits(9).numericOnly()
                        .shape(t -> separators(t) >= 2),
                // Not a browser's version, which Chrome's user agent gives as N.0.0.0 (Chrome/126.0.0.0).
                new RegexDetector("IP_ADDRESS", Detector.Family.PII,
                        Pattern.compile("(?<![\\w.])(?!(?<=[A-Za-z]/)\\d{1,3}\\.0\\.0\\.0(?![\\w.]))(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\w.])"),
                        new String[0], 0, 0, Allowlist.NONE).minDigits(4).numericOnly().shape(t -> count(t, '.') >= 3),
                new RegexDetector("PHONE_NUMBER", Detector.Family.PII,
                        Pattern.compile("(?<![\\w+])\\+[1-9]\\d{0,2}(?:[ .-]?\\(?\\d{1,4}\\)?){2,6}(?![\\w])"
                                + "|(?<![\\w+])(?:\\(\\d{2,4}\\)[ .-]?|\\d{2,4}[ .-])\\d{3,4}[ .-]\\d{3,4}(?![\\w-])"
                                // National numbers with a trunk prefix, e.g. 09-7625400; not the seconds of a time
                                // (20:58:01.441401), which follow a digit and a colon.
                                + "|(?<![\\w+-]|\\d:)0\\d{1,3}[ .-]\\d{6,8}(?![\\w-])"),
                        new String[0], 0, 0, Allowlist.NONE, BuiltinDetectors::plausiblePhone).minDigits(8).numericOnly()
                        .shape(BuiltinDetectors::mayBePhone),
                new Ipv6Detector());
    }

    private static int count(String t, char c) {
        int n = 0;
        for (int i = 0; i < t.length(); i++) {
            n += t.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    /** Separators (space . - ( )) with a digit before them. */
    private static int separators(String t) {
        int n = 0;
        for (int i = 1; i < t.length(); i++) {
            char c = t.charAt(i);
            if ((c == ' ' || c == '.' || c == '-' || c == '(' || c == ')') && Character.isDigit(t.charAt(i - 1))) {
                n++;
            }
        }
        return n;
    }

    /**
     * What each form of PHONE_NUMBER needs: '+' and a digit 1-9; or a separator (space . -) between runs of 3-4
     * digits (\d{3,4}[ .-]\d{3,4} ends the national forms, and no digit may touch it on either side); or one after
     * 2-4 digits starting with 0 and before 6-8 digits (the trunk form 0\d{1,3}[ .-]\d{6,8}). Dates (2026-10-01),
     * order numbers (2024-100123), versions and bare digit runs (ids, hashes) have none of these.
     */
    static boolean mayBePhone(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '+' && i + 1 < t.length() && t.charAt(i + 1) >= '1' && t.charAt(i + 1) <= '9') {
                return true;
            }
            if (c == ' ' || c == '.' || c == '-') {
                int before = digitsBefore(t, i);
                int after = digitsAfter(t, i);
                if (before >= 3 && before <= 4 && after >= 3 && after <= 4
                        || before >= 2 && before <= 4 && t.charAt(i - before) == '0' && after >= 6 && after <= 8) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int digitsBefore(String t, int i) {
        int n = 0;
        while (i - n - 1 >= 0 && isAsciiDigit(t.charAt(i - n - 1))) {
            n++;
        }
        return n;
    }

    private static int digitsAfter(String t, int i) {
        int n = 0;
        while (i + n + 1 < t.length() && isAsciiDigit(t.charAt(i + n + 1))) {
            n++;
        }
        return n;
    }

    /**
     * Two capital letters followed by two digits: how every IBAN starts. Looks at every fourth character: each of
     * the four starts it could be part of needs it to be a capital or a digit, and in prose it seldom is.
     */
    static boolean hasIbanStart(String t) {
        int n = t.length();
        for (int p = 3; p < n; p += 4) {
            char c = t.charAt(p);
            if (isAsciiDigit(c) || c >= 'A' && c <= 'Z') {
                for (int i = p - 3; i <= p && i + 3 < n; i++) {
                    if (isIbanStart(t, i)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isIbanStart(String t, int i) {
        char a = t.charAt(i);
        char b = t.charAt(i + 1);
        return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' && isAsciiDigit(t.charAt(i + 2)) && isAsciiDigit(t.charAt(i + 3));
    }

    /** The regexes' \d: ASCII digits only. */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * A payment card number: passes Luhn and is not an epoch timestamp in microseconds (15-16 digits) or nanoseconds
     * (18-19 digits) between 2000 and 2040, written without separators. OTLP/JSON writes its nanosecond times as
     * strings, and one in ten of them passes Luhn. No card network issues numbers of those lengths beginning as
     * these do (94 to 99, 1, or 20 to 22: Mastercard's 2-series begins at 2221).
     */
    static boolean cardNumber(String s) {
        return luhn(s) && !epochMicrosOrNanos(s);
    }

    static boolean epochMicrosOrNanos(String s) {
        int n = s.length();
        if (n < 15 || n > 19 || n == 17 || !s.chars().allMatch(c -> isAsciiDigit((char) c)) || n == 19 && s.charAt(0) > '2') {
            return false; // a 19-digit number beginning with 3 or more is past 2065, and may not fit in a long
        }
        long seconds = Long.parseLong(s) / (n <= 16 ? 1_000_000L : 1_000_000_000L);
        return seconds >= Y2000 && seconds < Y2040;
    }

    /** The characters of s that keep accepts. */
    private static String keepIf(String s, IntPredicate keep) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (keep.test(s.charAt(i))) {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    static boolean luhn(String s) {
        String digits = keepIf(s, c -> c != ' ' && c != '-');
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616: move the first four characters to the end, letters to numbers, remainder mod 97 must be 1. */
    static boolean mod97(String s) {
        String iban = s.replace(" ", "");
        if (iban.length() < 15 || iban.length() > 34) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** SSA rules: area not 000, 666 or 900-999; group not 00; serial not 0000; not the published example numbers. */
    static boolean validSsn(String s) {
        String d = keepIf(s, c -> c != '-' && c != '.' && c != ' ');
        int area = Integer.parseInt(d.substring(0, 3));
        int group = Integer.parseInt(d.substring(3, 5));
        int serial = Integer.parseInt(d.substring(5));
        return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
                && !d.equals("078051120") && !d.equals("219099999") && !d.chars().allMatch(c -> c == d.charAt(0));
    }

    /** 8 to 15 digits (E.164), not all the same digit. */
    static boolean plausiblePhone(String s) {
        String d = keepIf(s, c -> isAsciiDigit((char) c));
        return d.length() >= 8 && d.length() <= 15 && !d.chars().allMatch(c -> c == d.charAt(0));
    }
}
