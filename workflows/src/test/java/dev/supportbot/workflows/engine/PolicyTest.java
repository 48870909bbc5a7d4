package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyTest {

    @Test
    void defaults_are_the_handbook_s() {
        Policy p = Policy.defaults();
        assertThat(p.reminderDelays()).containsExactly(Duration.ofDays(2), Duration.ofDays(4));
        assertThat(p.expiryDelay()).isEqualTo(Duration.ofDays(7));
        assertThat(p.invoiceMaxAge()).isEqualTo(Period.ofMonths(12));
        assertThat(p.expirySequence()).isEqualTo(3);
        assertThat(p.delayOf(2)).isEqualTo(Duration.ofDays(4));
        assertThat(p.delayOf(3)).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> p.delayOf(4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staff_is_the_domain_or_a_subdomain_case_insensitively() {
        Policy p = Policy.defaults().withStaffEmailDomains(Set.of(" GitLab.com "));
        assertThat(p.isStaff("sam@gitlab.com")).isTrue();
        assertThat(p.isStaff("Sam@Dev.GitLab.COM")).isTrue();
        assertThat(p.isStaff("sam@notgitlab.com")).isFalse();
        assertThat(p.isStaff("sam@gitlab.com.evil.example")).isFalse();
        assertThat(p.isStaff(null)).isFalse();
        assertThat(p.isStaff("no-at-sign")).isFalse();
    }

    @Test
    void reminders_must_come_before_expiry() {
        assertThatThrownBy(() -> new Policy(Set.of(), List.of(Duration.ofDays(8)), Duration.ofDays(7), Period.ofMonths(12), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
