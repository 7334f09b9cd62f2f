package dev.cameljira.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table of the run: figure, ours, baseline, ratio, target, met; printed and written as Markdown. */
final class Report {

    /** One figure. {@code met} is null when the figure has no target (shown for context). */
    record Row(String figure, String ours, String baseline, String ratio, String target, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(String figure, String ours, String baseline, String ratio, String target, Boolean met) {
        rows.add(new Row(figure, ours, baseline, ratio, target, met));
    }

    /** A row whose measurement failed: shown as not met, with the reason. */
    void failed(String figure, String target, String reason) {
        rows.add(new Row(figure, "failed: " + reason.replace('|', '/'), "", "", target, false));
    }

    void note(String text) {
        notes.add(text);
    }

    List<Row> rows() {
        return rows;
    }

    /** Appends another report's rows and notes (a benchmark that ran beside others wrote its own). */
    void addAll(Report other) {
        rows.addAll(other.rows);
        notes.addAll(other.notes);
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : "%.2f", v);
    }

    static String ratio(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    String markdown(String header) {
        StringBuilder sb = new StringBuilder(header).append("\n\n");
        sb.append("| figure | ours | baseline | ratio | target | met |\n|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.figure()).append(" | ").append(r.ours()).append(" | ").append(r.baseline()).append(" | ")
                    .append(r.ratio()).append(" | ").append(r.target()).append(" | ")
                    .append(r.met() == null ? "-" : r.met() ? "yes" : "**NO**").append(" |\n");
        }
        if (!notes.isEmpty()) {
            sb.append("\nNotes:\n\n");
            for (String n : notes) {
                sb.append("- ").append(n).append('\n');
            }
        }
        return sb.toString();
    }

    void write(Path file, String header) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, markdown(header), StandardCharsets.UTF_8);
    }
}
