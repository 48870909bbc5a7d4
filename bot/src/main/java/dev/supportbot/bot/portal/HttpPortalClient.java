package dev.supportbot.bot.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.supportbot.bot.outbound.Retry;
import dev.supportbot.bot.outbound.RetryPolicy;
import dev.supportbot.bot.outbound.Sleeper;
import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.ContactRole;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import dev.supportbot.workflows.domain.Invoice;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseHostname;
import dev.supportbot.workflows.domain.LicenseValidation;
import dev.supportbot.workflows.domain.MailDelivery;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.domain.NamespaceSubscription;
import dev.supportbot.workflows.domain.SignInLink;
import dev.supportbot.workflows.domain.Subscription;
import dev.supportbot.workflows.redaction.SecretScanner;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * {@link PortalClient} over HTTP, written against config/portal-api.yaml. Reads are cached for a short time; any
 * change made through this client empties the cache, because one change on the back end can alter other entities
 * (a customer edit rewrites a billing account contact; a contact change can create a customer).
 */
public final class HttpPortalClient implements PortalClient {
    private final PortalTransport transport;
    private final Cache<String, Cached> cache;
    /** Counts finished changes: a read started before a change must not fill the cache after it. */
    private final AtomicLong changes;
    /** False for {@link #withoutCache()}: reads go to the portal, while changes still empty the shared cache. */
    private final boolean cachedReads;

    private HttpPortalClient(PortalTransport transport, Cache<String, Cached> cache, AtomicLong changes, boolean cachedReads) {
        this.transport = transport;
        this.cache = cache;
        this.changes = changes;
        this.cachedReads = cachedReads;
    }

    /**
     * This client with every read going to the portal (for checks that must see changes made by others, such as the
     * re-read before a plan step); its changes still empty this client's cache.
     */
    public HttpPortalClient withoutCache() {
        return new HttpPortalClient(transport, cache, changes, false);
    }

    /** {@code baseUrl} is asked on every call: the sandbox's port is known only once the bot listens. */
    public static Builder builder(Supplier<String> baseUrl) {
        return new Builder(baseUrl);
    }

    // Customers

    @Override
    public Optional<Customer> findCustomerByEmail(String email) {
        return this.<Customer>readList("/customers" + query("email", email), Customer.class).stream().findFirst();
    }

    @Override
    public Customer customer(long customerId) {
        return read("/customers/" + customerId, Customer.class);
    }

    @Override
    public List<HistoryEntry> customerHistory(long customerId) {
        return readList("/customers/" + customerId + "/history", HistoryEntry.class);
    }

    @Override
    public Customer updateCustomer(long customerId, CustomerUpdate update, IdempotencyKey key) {
        return change("PATCH", "/customers/" + customerId, update, key, Customer.class);
    }

    @Override
    public Customer unlinkGitLabAccount(long customerId, IdempotencyKey key) {
        return change("POST", "/customers/" + customerId + "/gitlab-account/unlink", null, key, Customer.class);
    }

    @Override
    public SignInLink sendSignInLink(long customerId, IdempotencyKey key) {
        return change("POST", "/customers/" + customerId + "/sign-in-links", null, key, SignInLink.class);
    }

    @Override
    public MailDelivery resendConfirmation(long customerId, IdempotencyKey key) {
        return scrubbed(change("POST", "/customers/" + customerId + "/confirmation/resend", null, key, MailDelivery.class));
    }

    // Billing

    @Override
    public BillingAccount billingAccount(long billingAccountId) {
        return read("/billing-accounts/" + billingAccountId, BillingAccount.class);
    }

    @Override
    public Optional<BillingAccount> findBillingAccountByZuoraId(String zuoraAccountId) {
        return this.<BillingAccount>readList("/billing-accounts" + query("zuora_account_id", zuoraAccountId),
                BillingAccount.class).stream().findFirst();
    }

    @Override
    public BillingAccount updateContact(long billingAccountId, ContactRole role, Contact contact, IdempotencyKey key) {
        return change("PUT", "/billing-accounts/" + billingAccountId + "/contacts", new ContactUpdate(role, contact), key,
                BillingAccount.class);
    }

    @Override
    public List<Membership> membershipsOfCustomer(long customerId) {
        return readList("/customers/" + customerId + "/memberships", Membership.class);
    }

    @Override
    public List<Membership> membershipsOfBillingAccount(long billingAccountId) {
        return readList("/billing-accounts/" + billingAccountId + "/memberships", Membership.class);
    }

    @Override
    public Membership createMembership(long customerId, long billingAccountId, IdempotencyKey key) {
        return change("POST", "/memberships", new NewMembership(customerId, billingAccountId), key, Membership.class);
    }

    @Override
    public void deleteMembership(long membershipId, IdempotencyKey key) {
        change("DELETE", "/memberships/" + membershipId, null, key, null);
    }

    @Override
    public Subscription subscription(String subscriptionName) {
        return read("/subscriptions/" + segment(subscriptionName), Subscription.class);
    }

    @Override
    public List<Subscription> subscriptionsOfBillingAccount(long billingAccountId) {
        return readList("/billing-accounts/" + billingAccountId + "/subscriptions", Subscription.class);
    }

    @Override
    public List<Invoice> invoicesOfBillingAccount(long billingAccountId) {
        return readList("/billing-accounts/" + billingAccountId + "/invoices", Invoice.class);
    }

    @Override
    public Invoice invoice(String invoiceNumber) {
        return read("/invoices/" + segment(invoiceNumber), Invoice.class);
    }

    // Licensing

    @Override
    public List<License> searchLicenses(LicenseSearch search) {
        return readList("/licenses" + query("name", search.name(), "email", search.email(), "company", search.company()),
                License.class);
    }

    @Override
    public License license(long licenseId) {
        return read("/licenses/" + licenseId, License.class);
    }

    @Override
    public List<LicenseHostname> licenseHostnames(long licenseId) {
        return readList("/licenses/" + licenseId + "/hostnames", LicenseHostname.class);
    }

    @Override
    public License duplicateLicense(long licenseId, LicenseOverrides overrides, IdempotencyKey key) {
        return change("POST", "/licenses/" + licenseId + "/duplicates", overrides, key, License.class);
    }

    @Override
    public MailDelivery resendLicense(long licenseId, String email, IdempotencyKey key) {
        return scrubbed(change("POST", "/licenses/" + licenseId + "/resend", new Recipient(email), key, MailDelivery.class));
    }

    @Override
    public CloudActivation cloudActivation(String subscriptionName) {
        return read("/subscriptions/" + segment(subscriptionName) + "/cloud-activation", CloudActivation.class);
    }

    @Override
    public MailDelivery resendActivationCode(String subscriptionName, String email, IdempotencyKey key) {
        return scrubbed(change("POST", "/subscriptions/" + segment(subscriptionName) + "/cloud-activation/resend",
                new Recipient(email), key, MailDelivery.class));
    }

    @Override
    public LicenseValidation validateLicense(String licenseText) {
        if (licenseText == null || licenseText.isBlank()) throw new IllegalArgumentException("the license text is empty");
        PortalRequest request = PortalRequest.safePost("/licenses/validate", json(new LicenseText(licenseText)));
        return decode(request, transport.send(request), PortalJson.MAPPER.constructType(LicenseValidation.class));
    }

    @Override
    public NamespaceSubscription namespaceSubscription(String namespace) {
        return read("/namespaces/" + segment(namespace) + "/gitlab-subscription", NamespaceSubscription.class);
    }

    // Mail log

    @Override
    public List<MailDelivery> mailDeliveries(String recipient) {
        return this.<MailDelivery>readList("/mail-deliveries" + query("recipient", recipient), MailDelivery.class).stream()
                .map(HttpPortalClient::scrubbed)
                .toList();
    }

    // Mechanics

    private <T> T read(String path, Class<T> type) {
        return cachedRead(path, PortalJson.MAPPER.constructType(type));
    }

    private <T> List<T> readList(String path, Class<T> element) {
        return cachedRead(path, PortalJson.MAPPER.getTypeFactory().constructCollectionType(List.class, element));
    }

    @SuppressWarnings("unchecked")
    private <T> T cachedRead(String path, JavaType type) {
        long generation = changes.get();
        boolean cached = cache != null && cachedReads;
        Cached hit = cached ? cache.getIfPresent(path) : null;
        if (hit != null && hit.generation == generation) return (T) hit.value;
        PortalRequest request = PortalRequest.get(path);
        Object value = decode(request, transport.send(request), type);
        if (value instanceof List<?> list) value = List.copyOf(list);
        if (cached) cache.put(path, new Cached(generation, value));
        return (T) value;
    }

    private <T> T change(String method, String path, Object body, IdempotencyKey key, Class<T> answer) {
        PortalRequest request = PortalRequest.change(method, path, body == null ? null : json(body), key);
        try {
            byte[] response = transport.send(request);
            return answer == null ? null : decode(request, response, PortalJson.MAPPER.constructType(answer));
        } finally {
            // Also after a failure: a change that timed out may still have been applied.
            changes.incrementAndGet();
            if (cache != null) cache.invalidateAll();
        }
    }

    private static <T> T decode(PortalRequest request, byte[] body, JavaType type) {
        T value;
        try {
            value = PortalJson.MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            // The parser's message can quote the body: keep only where it broke.
            throw notPromised(request, type, e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException | RuntimeException e) {
            throw notPromised(request, type, "");
        }
        if (value == null) throw notPromised(request, type, " (null)");
        return value;
    }

    private static PortalException.BadResponse notPromised(PortalRequest request, JavaType type, String where) {
        String what = type.isCollectionLikeType() ? "list of " + type.getContentType().getRawClass().getSimpleName()
                : type.getRawClass().getSimpleName();
        return new PortalException.BadResponse(request.describe(), 200, "the answer is not the " + what
                + " JSON the API promises" + where);
    }

    private static byte[] json(Object body) {
        try {
            return PortalJson.MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static MailDelivery scrubbed(MailDelivery d) {
        return new MailDelivery(d.recipient(), d.status(), d.smtpCode(), mask(d.message()), mask(d.subject()), d.at());
    }

    private static String mask(String text) {
        return text == null ? null : SecretScanner.mask(text);
    }

    private static String segment(String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("a path parameter is empty");
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** "?k=v&..." of the pairs whose value is set. */
    private static String query(String... pairs) {
        StringJoiner joined = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].isBlank()) {
                joined.add(pairs[i] + "=" + URLEncoder.encode(pairs[i + 1].trim(), StandardCharsets.UTF_8));
            }
        }
        return joined.toString();
    }

    private record Cached(long generation, Object value) {}

    public static final class Builder {
        private final Supplier<String> baseUrl;
        private String token;
        private Duration timeout = Duration.ofSeconds(10);
        private RetryPolicy retry = new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(5), Duration.ofSeconds(30));
        private Duration cacheTtl = Duration.ofSeconds(30);
        private Sleeper sleeper = Sleeper.SYSTEM;
        private Ticker ticker = Ticker.systemTicker();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();

        private Builder(Supplier<String> baseUrl) {
            this.baseUrl = baseUrl;
        }

        /** The bearer token, or null for none. */
        public Builder token(String token) {
            this.token = token;
            return this;
        }

        /** How long one attempt may take, connecting included. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        /** How long a read is served from the cache; zero turns the cache off. */
        public Builder cacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public Builder ticker(Ticker ticker) {
            this.ticker = ticker;
            return this;
        }

        /** For HTTP-date {@code Retry-After} values. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        public HttpPortalClient build() {
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            Cache<String, Cached> cache = cacheTtl.isZero() ? null
                    : Caffeine.newBuilder().expireAfterWrite(cacheTtl).maximumSize(10_000).ticker(ticker).build();
            return new HttpPortalClient(new PortalTransport(http, baseUrl, token, timeout, new Retry(retry, sleeper, random), clock), cache,
                    new AtomicLong(), true);
        }
    }
}
