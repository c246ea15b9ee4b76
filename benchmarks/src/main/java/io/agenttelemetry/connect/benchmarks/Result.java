package io.agenttelemetry.connect.benchmarks;

import java.util.Locale;

/** One row of the benchmark table: ours against its baseline, with the goal as a minimum ratio (0: none). */
final class Result {
    final String area;
    final String what;
    final double ours;
    final String baselineName;
    final double baseline;
    final String unit;
    final double goalRatio;
    final String goalNote;

    Result(String area, String what, double ours, String baselineName, double baseline, String unit, double goalRatio, String goalNote) {
        this.area = area;
        this.what = what;
        this.ours = ours;
        this.baselineName = baselineName;
        this.baseline = baseline;
        this.unit = unit;
        this.goalRatio = goalRatio;
        this.goalNote = goalNote;
    }

    double ratio() {
        return baseline > 0 ? ours / baseline : Double.NaN;
    }

    String verdict() {
        if (goalNote.isEmpty()) {
            return "";
        }
        return goalRatio > 0 && ratio() >= goalRatio ? "pass" : goalRatio > 0 ? "fail" : "";
    }

    String markdown() {
        String base = baseline > 0 ? String.format(Locale.ROOT, "%s: %,.1f", baselineName, baseline) : "none";
        String r = baseline > 0 ? String.format(Locale.ROOT, "%.2f", ratio()) : "";
        return String.format(Locale.ROOT, "| %s | %s | %,.1f | %s | %s | %s | %s | %s |", area, what, ours, base, unit, r, goalNote, verdict());
    }

    static String header() {
        return "| area | ours | value | baseline | unit | ratio | goal | |\n|---|---|---|---|---|---|---|---|";
    }
}
