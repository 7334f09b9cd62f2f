package dev.cameljira.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What the report's figures rest on: rotation of the variants, medians, paired ratios, and the driver's arguments. */
class BenchArithmeticTest {

    @Test
    void everyVariantRunsInEveryPositionOverAsManyRoundsAsVariants() {
        List<String> v = List.of("jira", "bare", "http");
        assertThat(Stats.rotated(v, 0)).containsExactly("jira", "bare", "http");
        assertThat(Stats.rotated(v, 1)).containsExactly("bare", "http", "jira");
        assertThat(Stats.rotated(v, 2)).containsExactly("http", "jira", "bare");
        assertThat(Stats.rotated(v, 3)).containsExactly("jira", "bare", "http");
    }

    @Test
    void pairedRatiosAreTakenRoundByRoundBeforeTheMedian() {
        // a slow round hits both variants: the paired ratio stays 0.5, while the ratio of the medians would not
        List<Double> ours = List.of(50.0, 10.0, 60.0, 40.0, 45.0);
        List<Double> base = List.of(100.0, 20.0, 120.0, 80.0, 90.0);
        assertThat(Stats.pairedRatio(ours, base)).isEqualTo(0.5);
        assertThat(Stats.median(List.of(3.0, 1.0, 2.0, 10.0))).isEqualTo(2.5);
        assertThat(Stats.median(List.of())).isNaN();
    }

    @Test
    void argumentsSelectRoundsAndBenchmarksAndBadOnesAreNamed() {
        Bench.Options quick = Bench.parse(new String[] {"--quick", "only=producer,polling"});
        assertThat(quick.quick).isTrue();
        assertThat(quick.rounds).isEqualTo(2);
        assertThat(quick.only).containsExactly("producer", "polling");
        assertThat(Bench.parse(new String[] {"rounds=7"}).rounds).isEqualTo(7);
        assertThat(Bench.parse(new String[0]).rounds).isEqualTo(5);

        assertThatThrownBy(() -> Bench.parse(new String[] {"only=producer,speed"})).hasMessageContaining("'speed'")
                .hasMessageContaining("footprint");
        assertThatThrownBy(() -> Bench.parse(new String[] {"rounds=0"})).hasMessageContaining("rounds must be at least 1");
        assertThatThrownBy(() -> Bench.parse(new String[] {"--fast"})).hasMessageContaining("'--fast'");
    }

    @Test
    void theReportShowsEveryFigureWithItsTargetAndWhetherItIsMet() {
        Report r = new Report();
        r.add("1. getIssue requests/s", "950", "1000", "0.95", ">= 0.95", true);
        r.add("2. webhook p99", "10.6", "6.1", "1.74", "<= 1.25", false);
        r.failed("7. footprint", ">= 1", "jar missing");
        String md = r.markdown("# Benchmark report");
        assertThat(md).contains("| figure | ours | baseline | ratio | target | met |")
                .contains("| 1. getIssue requests/s | 950 | 1000 | 0.95 | >= 0.95 | yes |")
                .contains("| 2. webhook p99 | 10.6 | 6.1 | 1.74 | <= 1.25 | **NO** |")
                .contains("| 7. footprint | failed: jar missing |");
    }
}
