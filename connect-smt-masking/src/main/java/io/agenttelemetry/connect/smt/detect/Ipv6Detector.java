package io.agenttelemetry.connect.smt.detect;

import java.util.List;

/**
 * IPv6 addresses in any RFC 4291 text form: full, compressed ({@code ::}), with an IPv4 tail, bracketed or
 * followed by a prefix length or zone. Candidates are maximal runs of hex digits, colons and dots around a colon; a
 * run is an address if it parses. To spare code like {@code std::vector}, a compressed address needs two groups, an
 * IPv4 tail, or to be {@code ::} or {@code ::1} exactly.
 */
final class Ipv6Detector implements Detector {
    @Override
    public String name() {
        return "IP_ADDRESS";
    }

    @Override
    public Family family() {
        return Family.PII;
    }

    @Override
    public String[] keywords() {
        return new String[] {":"};
    }

    @Override
    public void find(String text, List<Finding> out) {
        int n = text.length();
        // Every address form holds a colon: runs are found around the colons (indexOf scans many characters at a
        // time), not by looking at every character.
        for (int colon = text.indexOf(':'); colon >= 0; ) {
            int start = colon;
            while (start > 0 && isAddressChar(text.charAt(start - 1))) {
                start--;
            }
            int i = colon;
            int colons = 0;
            while (i < n && isAddressChar(text.charAt(i))) {
                colons += text.charAt(i) == ':' ? 1 : 0;
                i++;
            }
            colon = text.indexOf(':', i);
            if (colons < 2) {
                continue; // every address form has at least two colons
            }
            int end = i;
            while (end > start && text.charAt(end - 1) == '.') {
                end--; // a full stop after the address
            }
            String candidate = text.substring(start, end);
            // Not glued to a word: "fe80::1text", "text2001:db8::1" and "std::cout" are not addresses.
            boolean freeBefore = start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)) || candidate.startsWith("::");
            boolean freeAfter = end == n || !Character.isLetterOrDigit(text.charAt(end));
            if (end - start >= 2 && freeBefore && freeAfter && valid(candidate)) {
                out.add(new Finding(name(), start, end));
            }
        }
    }

    private static boolean isAddressChar(char c) {
        return c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean valid(String s) {
        if (s.indexOf(':') < 0) {
            return false;
        }
        int compressed = s.indexOf("::");
        if (compressed >= 0 && s.indexOf("::", compressed + 1) >= 0) {
            return false;
        }
        String head = compressed >= 0 ? s.substring(0, compressed) : s;
        String tail = compressed >= 0 ? s.substring(compressed + 2) : "";
        int[] groups = new int[1];
        boolean[] ipv4 = new boolean[1];
        if (!groups(head, groups, ipv4, tail.isEmpty() || compressed < 0) || !groups(tail, groups, ipv4, true)) {
            return false;
        }
        if (compressed < 0) {
            return groups[0] == 8;
        }
        if (groups[0] > 7) {
            return false;
        }
        return groups[0] >= 2 || ipv4[0] || s.equals("::") || s.equals("::1");
    }

    /** Counts the groups of one side of "::" (an IPv4 tail counts as two); false if a group is malformed. */
    private static boolean groups(String side, int[] count, boolean[] ipv4, boolean mayEndInIpv4) {
        if (side.isEmpty()) {
            return true;
        }
        String[] parts = side.split(":", -1);
        for (int p = 0; p < parts.length; p++) {
            String g = parts[p];
            if (g.indexOf('.') >= 0) {
                if (p != parts.length - 1 || !mayEndInIpv4 || !isIpv4(g)) {
                    return false;
                }
                count[0] += 2;
                ipv4[0] = true;
            } else if (g.isEmpty() || g.length() > 4) {
                return false;
            } else {
                count[0]++;
            }
        }
        return true;
    }

    private static boolean isIpv4(String s) {
        String[] octets = s.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String o : octets) {
            if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit) || Integer.parseInt(o) > 255) {
                return false;
            }
        }
        return true;
    }
}
