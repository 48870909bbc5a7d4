package dev.supportbot.bot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.supportbot.bot.http.BearerToken;
import dev.supportbot.bot.http.HttpRoutes;
import dev.supportbot.bot.portal.ContactUpdate;
import dev.supportbot.bot.portal.CustomerUpdate;
import dev.supportbot.bot.portal.LicenseOverrides;
import dev.supportbot.bot.portal.LicenseText;
import dev.supportbot.bot.portal.NewMembership;
import dev.supportbot.bot.portal.PortalJson;
import dev.supportbot.bot.portal.Recipient;
import dev.supportbot.bot.sandbox.IdempotencyStore.Reply;
import dev.supportbot.bot.store.UniqueViolation;
import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.NamespaceSubscription;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The sandbox portal's HTTP API: exactly the paths of config/portal-api.yaml, under {@link SandboxPortalPlugin#API_PATH}.
 * Every change goes through the {@link IdempotencyStore}; errors are RFC 7807 problem details.
 */
final class SandboxPortalRoutes implements HttpRoutes {
    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final Jdbi jdbi;
    private final String token;
    private final SandboxPortal portal;
    private final IdempotencyStore idempotency;

    SandboxPortalRoutes(Jdbi jdbi, String token, SandboxPortal portal, IdempotencyStore idempotency) {
        this.jdbi = jdbi;
        this.token = token;
        this.portal = portal;
        this.idempotency = idempotency;
    }

    /** One operation of the API document: its method, its path (relative to the API base) and what it does. */
    record Route(String method, String path, Handler handler) {}

    /** Either a look-up or, as part of a change, a step of its transaction. */
    @FunctionalInterface
    private interface Operation {
        Object apply(Handle h, Context ctx);
    }

    List<Route> routes() {
        return List.of(
                read("GET", "/customers", (h, ctx) -> portal.customerStore().findByEmail(h, query(ctx, "email")).stream().toList()),
                change("POST", "/customers", 201, (h, ctx) -> portal.customers().signUp(h, body(ctx, SignUpRequest.class))),
                read("GET", "/customers/{customer_id}", (h, ctx) -> portal.customers().find(h, id(ctx, "customer_id"))),
                change("PATCH", "/customers/{customer_id}", 200, (h, ctx) ->
                        portal.customers().update(h, id(ctx, "customer_id"), body(ctx, CustomerUpdate.class))),
                read("GET", "/customers/{customer_id}/history", (h, ctx) ->
                        portal.customerStore().history(h, portal.customers().find(h, id(ctx, "customer_id")).id())),
                change("POST", "/customers/{customer_id}/gitlab-account/unlink", 200, (h, ctx) ->
                        portal.customers().unlinkGitLabAccount(h, id(ctx, "customer_id"))),
                change("POST", "/customers/{customer_id}/sign-in-links", 201, (h, ctx) ->
                        portal.customers().sendSignInLink(h, id(ctx, "customer_id"))),
                change("POST", "/customers/{customer_id}/confirmation/resend", 202, (h, ctx) ->
                        portal.customers().resendConfirmation(h, id(ctx, "customer_id"))),
                change("POST", "/sign-in-links/redeem", 200, (h, ctx) ->
                        portal.customers().redeemSignInLink(h, body(ctx, SignInRedemption.class).token())),
                read("GET", "/customers/{customer_id}/memberships", (h, ctx) ->
                        portal.billingStore().membershipsOfCustomer(h, portal.customers().find(h, id(ctx, "customer_id")).id())),

                read("GET", "/billing-accounts", (h, ctx) ->
                        portal.billingStore().accountByZuoraId(h, query(ctx, "zuora_account_id")).stream().toList()),
                read("GET", "/billing-accounts/{billing_account_id}", (h, ctx) ->
                        portal.billing().find(h, id(ctx, "billing_account_id"))),
                change("PUT", "/billing-accounts/{billing_account_id}/contacts", 200, (h, ctx) ->
                        portal.billing().updateContact(h, id(ctx, "billing_account_id"), body(ctx, ContactUpdate.class))),
                read("GET", "/billing-accounts/{billing_account_id}/memberships", (h, ctx) ->
                        portal.billingStore().membershipsOfAccount(h, account(h, ctx))),
                read("GET", "/billing-accounts/{billing_account_id}/subscriptions", (h, ctx) ->
                        portal.billingStore().subscriptionsOfAccount(h, account(h, ctx))),
                read("GET", "/billing-accounts/{billing_account_id}/invoices", (h, ctx) ->
                        portal.billingStore().invoicesOfAccount(h, account(h, ctx))),
                change("POST", "/memberships", 201, (h, ctx) ->
                        portal.billing().createMembership(h, body(ctx, NewMembership.class))),
                change("DELETE", "/memberships/{membership_id}", 204, (h, ctx) -> {
                    portal.billing().deleteMembership(h, id(ctx, "membership_id"));
                    return null;
                }),

                read("GET", "/subscriptions/{subscription_name}", (h, ctx) -> portal.billingStore()
                        .subscription(h, ctx.pathParam("subscription_name"))
                        .orElseThrow(() -> SandboxProblem.notFound("subscription " + ctx.pathParam("subscription_name")
                                + " does not exist"))),
                read("GET", "/subscriptions/{subscription_name}/cloud-activation", (h, ctx) ->
                        cloudActivation(h, ctx.pathParam("subscription_name"))),
                change("POST", "/subscriptions/{subscription_name}/cloud-activation/resend", 202, (h, ctx) ->
                        portal.licensing().resendActivationCode(h, ctx.pathParam("subscription_name"),
                                body(ctx, Recipient.class).email())),
                read("GET", "/invoices/{invoice_number}", (h, ctx) -> portal.billingStore()
                        .invoice(h, ctx.pathParam("invoice_number"))
                        .orElseThrow(() -> SandboxProblem.notFound("invoice " + ctx.pathParam("invoice_number")
                                + " does not exist"))),

                read("GET", "/licenses", (h, ctx) -> searchLicenses(h, ctx)),
                read("POST", "/licenses/validate", (h, ctx) ->
                        portal.licensing().validate(h, body(ctx, LicenseText.class).licenseText())),
                read("GET", "/licenses/{license_id}", (h, ctx) -> portal.licensing().find(h, id(ctx, "license_id"))),
                read("GET", "/licenses/{license_id}/hostnames", (h, ctx) ->
                        portal.licenseStore().hostnames(h, portal.licensing().find(h, id(ctx, "license_id")).id())),
                change("POST", "/licenses/{license_id}/duplicates", 201, (h, ctx) ->
                        portal.licensing().duplicate(h, id(ctx, "license_id"), body(ctx, LicenseOverrides.class))),
                change("POST", "/licenses/{license_id}/resend", 202, (h, ctx) ->
                        portal.licensing().resendLicense(h, id(ctx, "license_id"), body(ctx, Recipient.class).email())),

                read("GET", "/mail-deliveries", (h, ctx) -> portal.mailStore().deliveriesTo(h, query(ctx, "recipient"))),
                read("GET", "/namespaces/{namespace}/gitlab-subscription", (h, ctx) -> namespace(h, ctx.pathParam("namespace"))));
    }

    @Override
    public void register(RoutesConfig routes) {
        for (Route route : routes()) {
            routes.addHttpHandler(HandlerType.findOrCreate(route.method()), SandboxPortalPlugin.API_PATH + route.path(),
                    guarded(route.handler()));
        }
    }

    private Route read(String method, String path, Operation operation) {
        return new Route(method, path, ctx -> respond(ctx, new Reply(200, json(jdbi.withHandle(h -> operation.apply(h, ctx))))));
    }

    private Route change(String method, String path, int status, Operation operation) {
        return new Route(method, path, ctx -> {
            String key = ctx.header("Idempotency-Key");
            if (key == null || key.isBlank() || key.length() > 255) {
                throw SandboxProblem.badRequest("the Idempotency-Key header is required (1 to 255 characters)");
            }
            Reply reply = idempotency.execute(key, fingerprint(ctx), h -> {
                Object answer = operation.apply(h, ctx);
                return new Reply(status, answer == null ? null : json(answer));
            });
            respond(ctx, reply);
        });
    }

    /** Checks the bearer token (when one is configured) and renders failures as problem details. */
    private Handler guarded(Handler handler) {
        return ctx -> {
            try {
                if (token != null && !BearerToken.matches(ctx.header("Authorization"), token)) {
                    ctx.header("WWW-Authenticate", "Bearer");
                    throw SandboxProblem.unauthorized("a valid bearer token is required");
                }
                handler.handle(ctx);
            } catch (SandboxProblem problem) {
                ctx.status(problem.status()).contentType(PROBLEM_JSON).result(json(problem.body()));
            } catch (RuntimeException e) {
                if (!UniqueViolation.isCause(e)) throw e;
                // A concurrent change won a race the checks could not see (e.g. two memberships for one customer).
                SandboxProblem conflict = SandboxProblem.conflict("a concurrent change conflicts with this one; read and retry");
                ctx.status(409).contentType(PROBLEM_JSON).result(json(conflict.body()));
            }
        };
    }

    private CloudActivationView cloudActivation(Handle h, String subscriptionName) {
        String code = portal.licenseStore().activationCode(h, subscriptionName).orElseThrow(
                () -> SandboxProblem.notFound("subscription " + subscriptionName + " has no cloud activation"));
        List<CloudActivation.InstanceActivation> activations = portal.licenseStore().instanceActivations(h, subscriptionName);
        return new CloudActivationView(subscriptionName, code, activations);
    }

    private NamespaceSubscription namespace(Handle h, String namespace) {
        return portal.billingStore().subscriptionByNamespace(h, namespace)
                .map(s -> new NamespaceSubscription(namespace, s.plan().toLowerCase(Locale.ROOT), s.seats(), s.startDate(),
                        s.endDate()))
                .orElseThrow(() -> SandboxProblem.notFound("namespace " + namespace + " has no subscription"));
    }

    private Object searchLicenses(Handle h, Context ctx) {
        String name = blankToNull(ctx.queryParam("name"));
        String email = blankToNull(ctx.queryParam("email"));
        String company = blankToNull(ctx.queryParam("company"));
        if (name == null && email == null && company == null) {
            throw SandboxProblem.rejected("search licenses by name, email or company");
        }
        return portal.licenseStore().search(h, name, email, company);
    }

    private long account(Handle h, Context ctx) {
        return portal.billing().find(h, id(ctx, "billing_account_id")).id();
    }

    private static long id(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw SandboxProblem.notFound(name + " must be a number");
        }
    }

    private static String query(Context ctx, String name) {
        return SandboxInput.text(ctx.queryParam(name), name);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static <T> T body(Context ctx, Class<T> type) {
        T value;
        try {
            value = PortalJson.MAPPER.readValue(ctx.bodyAsBytes(), type);
        } catch (IOException e) {
            // The parser's message can quote the body, which may hold a license text.
            throw SandboxProblem.badRequest("the body is not a valid " + type.getSimpleName() + " JSON object");
        }
        if (value == null) throw SandboxProblem.badRequest("the body is not a valid " + type.getSimpleName() + " JSON object");
        return value;
    }

    /** Identifies a change request: a key reused for a different one is refused. */
    private static String fingerprint(Context ctx) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((ctx.method().name() + " " + ctx.path() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(ctx.bodyAsBytes());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static void respond(Context ctx, Reply reply) {
        ctx.status(reply.status());
        if (reply.body() != null) ctx.contentType(JSON).result(reply.body());
    }

    private static String json(Object value) {
        try {
            return PortalJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
