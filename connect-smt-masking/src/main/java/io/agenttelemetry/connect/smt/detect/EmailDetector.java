package io.agenttelemetry.connect.smt.detect;

import java.util.List;

/**
 * E-mail addresses, found by expanding around each '@' rather than trying a regex at every position: local part of
 * up to 64 of [A-Za-z0-9._%+-], domain of labels joined by dots ending in a TLD of 2 to 24 letters or a punycode one.
 */
final class EmailDetector implements Detector {
    @Override
    public String name() {
        return "EMAIL";
    }

    @Override
    public Family family() {
        return Family.PII;
    }

    @Override
    public String[] keywords() {
        return new String[] {"@"};
    }

    @Override
    public void find(String text, List<Finding> out) {
        int at = text.indexOf('@');
        while (at >= 0) {
            int start = at;
            while (start > 0 && at - start < 64 && isLocal(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && end - at <= 253 && isDomain(text.charAt(end))) {
                end++;
            }
            while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
                end--; // a sentence's full stop is not part of the domain
            }
            if (start < at && validDomain(text, at + 1, end)) {
                out.add(new Finding(name(), start, end));
            }
            at = text.indexOf('@', Math.max(end, at + 1));
        }
    }

    private static boolean isLocal(char c) {
        return Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomain(char c) {
        return Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-';
    }

    /** At least one dot, no empty label, and a last label of 2 to 24 letters. */
    private static boolean validDomain(String text, int from, int to) {
        int lastDot = text.lastIndexOf('.', to - 1);
        if (lastDot < from + 1 || text.indexOf("..", from) >= 0 && text.indexOf("..", from) < to) {
            return false;
        }
        int tld = to - lastDot - 1;
        if (text.startsWith("xn--", lastDot + 1) && tld > 4) {
            return true; // an internationalized (punycode) top-level domain
        }
        if (tld < 2 || tld > 24) {
            return false;
        }
        for (int i = lastDot + 1; i < to; i++) {
            if (!Character.isLetter(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
