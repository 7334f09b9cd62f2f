package dev.cameljira.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and per-round paired ratios. */
final class Stats {

    private Stats() {
    }

    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.removeIf(d -> d == null || d.isNaN());
        if (v.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(v);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** The median of ours[i] / base[i] over the rounds. */
    static double pairedRatio(List<Double> ours, List<Double> base) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(ours.size(), base.size()); i++) {
            r.add(ours.get(i) / base.get(i));
        }
        return median(r);
    }

    /** Variants rotated by round: ABC, BCA, CAB, ... */
    static <T> List<T> rotated(List<T> variants, int round) {
        List<T> r = new ArrayList<>(variants);
        Collections.rotate(r, -(round % variants.size()));
        return r;
    }
}
