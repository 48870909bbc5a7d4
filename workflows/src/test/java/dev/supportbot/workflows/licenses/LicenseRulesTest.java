package dev.supportbot.workflows.licenses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseHostname;
import dev.supportbot.workflows.domain.LicenseKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The active license, the last license, the summary line and the host report, one table row per case. */
class LicenseRulesTest {
    static final LocalDate TODAY = LocalDate.parse("2026-12-01");

    /** A license written as {@code id:issued:starts:expires[:trial]}, days relative to TODAY (e.g. {@code 7:-30:-30:+335}). */
    static License l(String spec) {
        String[] p = spec.split(":");
        boolean trial = p.length > 4 && p[4].equals("trial");
        return new License(Long.parseLong(p[0]), trial ? null : "A-S00000001", "Pat Lee", "pat@acme.example", "Acme Corp",
                trial ? "Ultimate" : "Premium", trial ? 100 : 50, 0, day(p[1]), day(p[2]), day(p[3]), trial, LicenseKind.LEGACY_FILE);
    }

    static LocalDate day(String offset) {
        return TODAY.plusDays(Long.parseLong(offset.replace("+", "")));
    }

    static List<License> ls(String specs) {
        return specs.isBlank() ? List.of() : Arrays.stream(specs.split(" ")).map(LicenseRulesTest::l).toList();
    }

    static Stream<Arguments> activeCases() {
        return Stream.of(
                Arguments.of("no licenses", "", null),
                Arguments.of("one current paid license", "1:-31:-30:+335", 1L),
                Arguments.of("expired yesterday", "1:-400:-400:-1", null),
                Arguments.of("expires today: still active", "1:-400:-365:+0", 1L),
                Arguments.of("starts today", "1:-1:+0:+365", 1L),
                Arguments.of("future-dated (renewal issued early) is not active yet", "1:-300:-300:+65 2:-2:+66:+430", 1L),
                Arguments.of("only a future-dated license", "2:-2:+66:+430", null),
                Arguments.of("overlap: the most recently issued wins", "1:-300:-300:+65 2:-10:-10:+355", 2L),
                Arguments.of("overlap: issued later but started earlier still wins", "1:-100:-50:+300 2:-20:-60:+300", 2L),
                Arguments.of("a current trial issued after the paid license is the active one", "1:-300:-300:+65 3:-5:-5:+25:trial", 3L),
                Arguments.of("an expired trial does not hide the paid license", "1:-300:-300:+65 3:-5:-40:-10:trial", 1L),
                Arguments.of("only trials, one current", "3:-50:-50:-20:trial 4:-3:-3:+27:trial", 4L),
                Arguments.of("same issue day: the higher id", "5:-10:-10:+20 6:-10:-10:+20", 6L),
                Arguments.of("everything expired", "1:-800:-800:-435 2:-435:-435:-70 3:-60:-60:-30:trial", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activeCases")
    void the_active_license(String why, String licenses, Long expected) {
        assertThat(ActiveLicense.among(ls(licenses), TODAY).map(License::id).orElse(null)).isEqualTo(expected);
    }

    static Stream<Arguments> lastCases() {
        return Stream.of(
                Arguments.of("no licenses", "", null),
                Arguments.of("the newest paid license, even before it starts", "1:-300:-300:+65 2:-2:+66:+430", 2L),
                Arguments.of("trials are skipped however new", "1:-300:-300:+65 3:-5:-5:+25:trial", 1L),
                Arguments.of("an expired paid license is still the last one", "1:-800:-800:-435 2:-435:-435:-70", 2L),
                Arguments.of("only trials: none", "3:-50:-50:-20:trial 4:-3:-3:+27:trial", null),
                Arguments.of("same issue day: the higher id", "6:-10:-10:+20 5:-10:-10:+20", 6L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lastCases")
    void the_last_license_to_duplicate(String why, String licenses, Long expected) {
        assertThat(LastLicense.among(ls(licenses)).map(License::id).orElse(null)).isEqualTo(expected);
    }

    static Stream<Arguments> summaryCases() {
        return Stream.of(
                Arguments.of("", "0 licenses, no trials, active: none"),
                Arguments.of("1:-31:-30:+335", "1 license, no trials, active: #1 Premium 50 users until 1 November 2027"),
                Arguments.of("1:-300:-300:+65 3:-400:-400:-370:trial 4:-274:-274:-244:trial",
                        "3 licenses, 2 trials (last 2 March 2026), active: #1 Premium 50 users until 4 February 2027"),
                Arguments.of("3:-3:-3:+27:trial", "1 license, 1 trial (last 28 November 2026), active: #3 Ultimate 100 users until 28 December 2026"),
                Arguments.of("1:-800:-800:-435 2:-435:-435:-70", "2 licenses, no trials, active: none"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("summaryCases")
    void the_summary_line(String licenses, String expected) {
        assertThat(LicenseSummary.of(ls(licenses), TODAY)).isEqualTo(expected);
    }

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    static Stream<Arguments> hostCases() {
        return Stream.of(
                Arguments.of("newest first, none stale",
                        List.of(host("a.example", "2026-11-20T00:00:00Z"), host("b.example", "2026-11-30T08:00:00Z")),
                        List.of("b.example fresh", "a.example fresh")),
                Arguments.of("31 days old is stale, exactly 30 days is not",
                        List.of(host("old.example", "2026-10-31T09:59:59Z"), host("edge.example", "2026-11-01T10:00:00Z")),
                        List.of("edge.example fresh", "old.example stale")),
                Arguments.of("same time: by hostname",
                        List.of(host("z.example", "2026-11-29T00:00:00Z"), host("m.example", "2026-11-29T00:00:00Z")),
                        List.of("m.example fresh", "z.example fresh")),
                Arguments.of("no hosts", List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostCases")
    void hosts_newest_first_with_stale_pings_marked(String why, List<LicenseHostname> hosts, List<String> expected) {
        assertThat(HostReport.of(hosts, NOW)).extracting(h -> h.hostname() + (h.stale() ? " stale" : " fresh"))
                .containsExactlyElementsOf(expected);
    }

    static LicenseHostname host(String name, String at) {
        return new LicenseHostname(name, Instant.parse(at));
    }
}
