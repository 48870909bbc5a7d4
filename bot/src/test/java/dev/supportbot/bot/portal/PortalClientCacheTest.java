package dev.supportbot.bot.portal;

import static dev.supportbot.bot.portal.MockPortal.API;
import static dev.supportbot.bot.portal.MockPortal.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockserver.model.HttpRequest.request;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.supportbot.workflows.domain.Customer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads are cached for the TTL; the client's own changes empty the cache. */
class PortalClientCacheTest {
    private static MockPortal portal;
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private PortalClient client;

    @BeforeAll
    static void startPortal() {
        portal = new MockPortal();
    }

    @AfterAll
    static void stopPortal() {
        portal.close();
    }

    @BeforeEach
    void reset() {
        portal.reset();
        client = portal.client().cacheTtl(Duration.ofSeconds(30)).ticker(ticker).build();
        portal.answer("GET", "/customers/1101", 200, PortalFixtures.CUSTOMER);
        portal.answer("GET", "/customers/1101/history", 200, PortalFixtures.list(PortalFixtures.HISTORY_ENTRY));
    }

    @Test
    void a_repeated_read_within_the_ttl_is_served_from_the_cache() {
        Customer first = client.customer(1101);
        advance(Duration.ofSeconds(29));

        assertThat(client.customer(1101)).isEqualTo(first);
        assertThat(portal.requests()).hasSize(1);
    }

    @Test
    void a_read_after_the_ttl_asks_the_portal_again() {
        client.customer(1101);
        advance(Duration.ofSeconds(31));

        client.customer(1101);

        assertThat(portal.requests()).hasSize(2);
    }

    @Test
    void different_reads_are_cached_apart() {
        client.customer(1101);
        client.customerHistory(1101);
        client.customer(1101);
        client.customerHistory(1101);

        assertThat(portal.requests()).extracting(r -> r.getPath().getValue())
                .containsExactly(API + "/customers/1101", API + "/customers/1101/history");
    }

    @Test
    void a_change_through_the_client_empties_the_cache() {
        portal.answer("POST", "/memberships", 201, PortalFixtures.MEMBERSHIP);
        client.customer(1101);
        client.customerHistory(1101);

        client.createMembership(1101, 1001, PortalCalls.KEY);
        client.customer(1101);
        client.customerHistory(1101);

        assertThat(portal.requests()).hasSize(5);
    }

    @Test
    void a_failed_change_empties_the_cache_too_as_it_may_have_been_applied() {
        portal.server.when(request().withMethod("PATCH").withPath(API + "/customers/1101")).respond(problem(504, "gateway timeout"));
        client.customer(1101);

        assertThatThrownBy(() -> client.updateCustomer(1101, CustomerUpdate.save(), PortalCalls.KEY))
                .isInstanceOf(PortalException.Unavailable.class);
        client.customer(1101);

        assertThat(portal.requests()).filteredOn(r -> r.getMethod().getValue().equals("GET")).hasSize(2);
    }

    @Test
    void a_client_without_cache_always_asks_the_portal_and_its_changes_empty_the_shared_cache() {
        HttpPortalClient cached = portal.client().cacheTtl(Duration.ofSeconds(30)).ticker(ticker).build();
        HttpPortalClient fresh = cached.withoutCache();
        portal.answer("POST", "/memberships", 201, PortalFixtures.MEMBERSHIP);

        cached.customer(1101);
        fresh.customer(1101);
        fresh.customer(1101);
        cached.customer(1101);
        fresh.createMembership(1101, 1001, PortalCalls.KEY);
        cached.customer(1101);

        assertThat(portal.requests()).extracting(r -> r.getMethod().getValue())
                .containsExactly("GET", "GET", "GET", "POST", "GET");
    }

    @Test
    void license_validation_is_never_cached() {
        portal.answer("POST", "/licenses/validate", 200, PortalFixtures.VALIDATION);

        client.validateLicense(PortalFixtures.LICENSE_TEXT);
        client.validateLicense(PortalFixtures.LICENSE_TEXT);

        assertThat(portal.requests()).hasSize(2);
    }

    @Test
    void cached_lists_cannot_be_changed_by_a_caller() {
        List<?> history = client.customerHistory(1101);

        assertThatThrownBy(history::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_zero_ttl_turns_the_cache_off() {
        PortalClient uncached = portal.client().cacheTtl(Duration.ZERO).build();

        uncached.customer(1101);
        uncached.customer(1101);

        assertThat(portal.requests()).hasSize(2);
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }
}
