package dev.supportbot.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportbot.bot.portal.CustomerUpdate;
import dev.supportbot.bot.portal.IdempotencyKey;
import dev.supportbot.bot.portal.PortalClient;
import dev.supportbot.bot.portal.PortalException;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.Membership;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A change repeated with its Idempotency-Key is applied once and answered as the first time. */
class SandboxIdempotencyTest {
    private static final IdempotencyKey KEY = IdempotencyKey.of("approved-action-7");

    @Test
    void a_repeat_returns_the_first_answer_and_changes_nothing() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            Customer sam = portal.findCustomerByEmail("sam@acme.example").orElseThrow();
            int history = portal.customerHistory(sam.id()).size();

            Membership first = portal.createMembership(sam.id(), 1001, KEY);
            Membership repeat = portal.createMembership(sam.id(), 1001, KEY);

            assertThat(repeat).isEqualTo(first);
            assertThat(portal.membershipsOfCustomer(sam.id())).containsExactly(first);
            assertThat(portal.customerHistory(sam.id())).hasSize(history + 1);
        }
    }

    @Test
    void a_late_repeat_still_gets_the_first_answer_and_does_not_undo_later_changes() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            long sam = portal.findCustomerByEmail("sam@acme.example").orElseThrow().id();

            Customer first = portal.updateCustomer(sam, CustomerUpdate.save().withName("Samuel", "Rivera"), KEY);
            portal.updateCustomer(sam, CustomerUpdate.save().withName("Sammy", "Rivera"), IdempotencyKey.of("later"));
            Customer repeat = portal.updateCustomer(sam, CustomerUpdate.save().withName("Samuel", "Rivera"), KEY);

            assertThat(repeat).isEqualTo(first);
            assertThat(portal.customer(sam).firstName()).isEqualTo("Sammy");
        }
    }

    @Test
    void a_key_reused_for_a_different_request_is_refused() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            long sam = portal.findCustomerByEmail("sam@acme.example").orElseThrow().id();
            portal.updateCustomer(sam, CustomerUpdate.save().withName("Samuel", "Rivera"), KEY);

            assertThatThrownBy(() -> portal.updateCustomer(sam, CustomerUpdate.save().withName("Other", "Name"), KEY))
                    .isInstanceOf(PortalException.Rejected.class)
                    .hasMessageContaining("already used for a different request");
            assertThat(portal.customer(sam).firstName()).isEqualTo("Samuel");
        }
    }

    @Test
    void a_change_without_a_key_is_a_bad_request_and_changes_nothing() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            long history = sandbox.count("sandbox_customer_history");

            HttpResponse<String> response = sandbox.send("PATCH", "/customers/1102", "{\"first_name\": \"Keyless\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("Idempotency-Key");
            assertThat(sandbox.client.customer(1102).firstName()).isEqualTo("Sam");
            assertThat(sandbox.count("sandbox_customer_history")).isEqualTo(history);
        }
    }

    @Test
    void a_refused_change_is_not_remembered_so_its_repeat_is_decided_afresh() {
        try (SandboxBot sandbox = SandboxBot.start()) {
            PortalClient portal = sandbox.client;
            long pat = portal.findCustomerByEmail("pat@acme.example").orElseThrow().id();
            assertThatThrownBy(() -> portal.createMembership(pat, 1005, KEY)).isInstanceOf(PortalException.Conflict.class);

            portal.deleteMembership(portal.membershipsOfCustomer(pat).get(0).id(), IdempotencyKey.of("remove-acme"));

            assertThat(portal.createMembership(pat, 1005, KEY).billingAccountId()).isEqualTo(1005);
        }
    }

    @Test
    void concurrent_requests_with_one_key_apply_the_change_once_and_get_the_same_answer() throws Exception {
        try (SandboxBot sandbox = SandboxBot.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<HttpResponse<String>>> answers = List.of(
                        pool.submit(() -> {
                            go.await();
                            return createSamsMembership(sandbox);
                        }),
                        pool.submit(() -> {
                            go.await();
                            return createSamsMembership(sandbox);
                        }));
                go.countDown();
                HttpResponse<String> one = answers.get(0).get(30, TimeUnit.SECONDS);
                HttpResponse<String> two = answers.get(1).get(30, TimeUnit.SECONDS);

                assertThat(one.statusCode()).isEqualTo(201);
                assertThat(two.statusCode()).isEqualTo(201);
                assertThat(two.body()).isEqualTo(one.body());
                assertThat(sandbox.client.membershipsOfCustomer(1102)).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static HttpResponse<String> createSamsMembership(SandboxBot sandbox) {
        return sandbox.send("POST", "/memberships", "{\"customer_id\": 1102, \"billing_account_id\": 1001}",
                "Idempotency-Key", "concurrent-key");
    }
}
