package dev.supportbot.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Period;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyTest {

    @Test
    void defaults_are_the_handbook_s() {
        Policy p = Policy.defaults();
        assertThat(p.staffEmailDomains()).containsExactly("gitlab.com");
        assertThat(p.invoiceMaxAge()).isEqualTo(Period.ofMonths(12));
        assertThat(p.clockSkew()).isEqualTo(Duration.ofMinutes(5));
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
}
