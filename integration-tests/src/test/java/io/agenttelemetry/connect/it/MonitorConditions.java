package io.agenttelemetry.connect.it;

import java.util.Map;

/**
 * Evaluates the trigger conditions of the shipped monitors, which are written in the small part of Painless that
 * this reads (numbers, params.x, + - * /, comparisons, && and ||, parentheses), because the minimal OpenSearch here
 * has no Painless. The scripts run unchanged on a real cluster; here the same text is read by this evaluator.
 */
final class MonitorConditions {
    private final String s;
    private final Map<String, Double> params;
    private int pos;

    private MonitorConditions(String script, Map<String, Double> params) {
        this.s = script;
        this.params = params;
    }

    static boolean test(String script, Map<String, Double> params) {
        MonitorConditions c = new MonitorConditions(script, params);
        double v = c.or();
        c.skip();
        if (c.pos != c.s.length()) {
            throw new IllegalArgumentException("cannot read the condition after position " + c.pos + ": " + script);
        }
        return v != 0;
    }

    private double or() {
        double v = and();
        while (take("||")) {
            double r = and();
            v = (v != 0 || r != 0) ? 1 : 0;
        }
        return v;
    }

    private double and() {
        double v = comparison();
        while (take("&&")) {
            double r = comparison();
            v = (v != 0 && r != 0) ? 1 : 0;
        }
        return v;
    }

    private double comparison() {
        double v = sum();
        for (String op : new String[] {">=", "<=", "==", "!=", ">", "<"}) {
            if (take(op)) {
                double r = sum();
                switch (op) {
                    case ">=": return v >= r ? 1 : 0;
                    case "<=": return v <= r ? 1 : 0;
                    case "==": return v == r ? 1 : 0;
                    case "!=": return v != r ? 1 : 0;
                    case ">": return v > r ? 1 : 0;
                    default: return v < r ? 1 : 0;
                }
            }
        }
        return v;
    }

    private double sum() {
        double v = product();
        while (true) {
            if (take("+")) v += product();
            else if (take("-")) v -= product();
            else return v;
        }
    }

    private double product() {
        double v = atom();
        while (true) {
            if (take("*")) v *= atom();
            else if (take("/")) v /= atom();
            else return v;
        }
    }

    private double atom() {
        skip();
        if (take("(")) {
            double v = or();
            if (!take(")")) throw new IllegalArgumentException("missing ) in " + s);
            return v;
        }
        if (s.startsWith("params.", pos)) {
            pos += "params.".length();
            int start = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
            String name = s.substring(start, pos);
            if (!params.containsKey(name)) throw new IllegalArgumentException("unknown params." + name);
            return params.get(name);
        }
        int start = pos;
        while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
        if (start == pos) throw new IllegalArgumentException("cannot read the condition at position " + pos + ": " + s);
        double v = Double.parseDouble(s.substring(start, pos));
        if (pos < s.length() && (s.charAt(pos) == 'L' || s.charAt(pos) == 'd')) pos++;
        return v;
    }

    private boolean take(String token) {
        skip();
        if (s.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void skip() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
    }
}
