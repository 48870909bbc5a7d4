package dev.supportbot.bot.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.supportbot.bot.portal.PortalJson;
import dev.supportbot.workflows.domain.Customer;
import dev.supportbot.workflows.domain.HistoryEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** The sandbox's customers, their change history and their one-time sign-in links. */
final class CustomerStore {
    private static final String COLUMNS = "id, first_name, last_name, email, company, login_activated, gitlab_uid";
    private static final TypeReference<Map<String, HistoryEntry.Change>> CHANGES = new TypeReference<>() {};

    Optional<Customer> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sandbox_customer WHERE id = :id")
                .bind("id", id).map(CustomerStore::customer).findOne();
    }

    Optional<Customer> findByEmail(Handle h, String email) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sandbox_customer WHERE email = :email")
                .bind("email", normal(email)).map(CustomerStore::customer).findOne();
    }

    Optional<String> unconfirmedEmail(Handle h, long id) {
        return h.createQuery("SELECT unconfirmed_email FROM sandbox_customer WHERE id = :id")
                .bind("id", id).mapTo(String.class).findOne();
    }

    /** Inserts with {@code customer.id()} when it is positive (seed), else with a generated id. */
    Customer insert(Handle h, Customer c) {
        var insert = c.id() > 0
                ? h.createUpdate("INSERT INTO sandbox_customer (" + COLUMNS
                        + ") VALUES (:id, :first, :last, :email, :company, :login, :uid)").bind("id", c.id())
                : h.createUpdate("INSERT INTO sandbox_customer (first_name, last_name, email, company, login_activated,"
                        + " gitlab_uid) VALUES (:first, :last, :email, :company, :login, :uid)");
        long id = insert
                .bind("first", c.firstName())
                .bind("last", c.lastName())
                .bind("email", normal(c.email()))
                .bind("company", c.company())
                .bind("login", c.loginActivated())
                .bind("uid", c.uid())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        return new Customer(id, c.firstName(), c.lastName(), normal(c.email()), c.company(), c.loginActivated(), c.uid());
    }

    void update(Handle h, Customer c) {
        h.createUpdate("""
                        UPDATE sandbox_customer SET first_name = :first, last_name = :last, email = :email,
                               login_activated = :login, gitlab_uid = :uid
                        WHERE id = :id""")
                .bind("id", c.id())
                .bind("first", c.firstName())
                .bind("last", c.lastName())
                .bind("email", normal(c.email()))
                .bind("login", c.loginActivated())
                .bind("uid", c.uid())
                .execute();
    }

    /** The new email a customer has yet to confirm, or null. */
    void setUnconfirmedEmail(Handle h, long id, String email) {
        h.createUpdate("UPDATE sandbox_customer SET unconfirmed_email = :email WHERE id = :id")
                .bind("id", id)
                .bind("email", normal(email))
                .execute();
    }

    List<HistoryEntry> history(Handle h, long customerId) {
        return h.createQuery("""
                        SELECT id, action, changes, occurred_at FROM sandbox_customer_history
                        WHERE customer_id = :id ORDER BY occurred_at, id""")
                .bind("id", customerId)
                .map((rs, ctx) -> new HistoryEntry(rs.getLong("id"), rs.getString("action"), changes(rs.getString("changes")),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    void record(Handle h, long customerId, String action, Map<String, HistoryEntry.Change> changes, Instant at) {
        try {
            h.createUpdate("""
                            INSERT INTO sandbox_customer_history (customer_id, action, changes, occurred_at)
                            VALUES (:customer, :action, :changes, :at)""")
                    .bind("customer", customerId)
                    .bind("action", action)
                    .bind("changes", PortalJson.MAPPER.writeValueAsString(changes))
                    .bind("at", at.atOffset(ZoneOffset.UTC))
                    .execute();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write history changes", e);
        }
    }

    void insertSignInLink(Handle h, String token, long customerId, String email, Instant expiresAt) {
        h.createUpdate("""
                        INSERT INTO sandbox_sign_in_link (token, customer_id, email, expires_at)
                        VALUES (:token, :customer, :email, :expires)""")
                .bind("token", token)
                .bind("customer", customerId)
                .bind("email", normal(email))
                .bind("expires", expiresAt.atOffset(ZoneOffset.UTC))
                .execute();
    }

    Optional<SignInLinkRow> signInLink(Handle h, String token) {
        return h.createQuery("SELECT customer_id, expires_at, used_at FROM sandbox_sign_in_link WHERE token = :token")
                .bind("token", token)
                .map((rs, ctx) -> new SignInLinkRow(rs.getLong("customer_id"),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("used_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("used_at", OffsetDateTime.class).toInstant()))
                .findOne();
    }

    /** Marks the link used unless it already was; false when another request used it first. */
    boolean useSignInLink(Handle h, String token, Instant at) {
        return h.createUpdate("UPDATE sandbox_sign_in_link SET used_at = :at WHERE token = :token AND used_at IS NULL")
                .bind("token", token)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .execute() == 1;
    }

    record SignInLinkRow(long customerId, Instant expiresAt, Instant usedAt) {}

    static String normal(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    private static Customer customer(ResultSet rs, StatementContext ctx) throws SQLException {
        long uidValue = rs.getLong("gitlab_uid");
        Long uid = rs.wasNull() ? null : uidValue;
        return new Customer(rs.getLong("id"), rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"),
                rs.getString("company"), rs.getBoolean("login_activated"), uid);
    }

    private static Map<String, HistoryEntry.Change> changes(String json) {
        try {
            return PortalJson.MAPPER.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable history changes", e);
        }
    }
}
