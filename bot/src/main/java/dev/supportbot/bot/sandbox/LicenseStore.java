package dev.supportbot.bot.sandbox;

import dev.supportbot.workflows.domain.CloudActivation;
import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.LicenseHostname;
import dev.supportbot.workflows.domain.LicenseKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/** The sandbox's licenses (with their files), usage-ping hostnames and cloud activations. */
final class LicenseStore {
    private static final String COLUMNS = "id, subscription_name, licensee_name, licensee_email, licensee_company, plan, "
            + "users_count, true_up_count, issued_at, starts_at, expires_at, trial, kind";

    Optional<License> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sandbox_license WHERE id = :id")
                .bind("id", id).map(LicenseStore::license).findOne();
    }

    Optional<License> findByTextDigest(Handle h, String digest) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sandbox_license WHERE text_digest = :digest")
                .bind("digest", digest).map(LicenseStore::license).findOne();
    }

    /** Name and company match case-insensitive substrings, email matches exactly; the given criteria all apply. */
    List<License> search(Handle h, String name, String email, String company) {
        List<String> where = new ArrayList<>();
        if (name != null) where.add("LOWER(licensee_name) LIKE :name ESCAPE '!'");
        if (email != null) where.add("licensee_email = :email");
        if (company != null) where.add("LOWER(licensee_company) LIKE :company ESCAPE '!'");
        Query query = h.createQuery("SELECT " + COLUMNS + " FROM sandbox_license WHERE " + String.join(" AND ", where)
                + " ORDER BY issued_at DESC, id DESC");
        if (name != null) query.bind("name", contains(name));
        if (email != null) query.bind("email", CustomerStore.normal(email));
        if (company != null) query.bind("company", contains(company));
        return query.map(LicenseStore::license).list();
    }

    /** Inserts with {@code license.id()} when it is positive (seed), else with a generated id. The text may be null. */
    License insert(Handle h, License l, String licenseText) {
        String columns = "subscription_name, licensee_name, licensee_email, licensee_company, plan, users_count, "
                + "true_up_count, issued_at, starts_at, expires_at, trial, kind, license_text, text_digest";
        String values = ":subscription, :name, :email, :company, :plan, :users, :true_up, :issued, :starts, :expires, "
                + ":trial, :kind, :text, :digest";
        var insert = l.id() > 0
                ? h.createUpdate("INSERT INTO sandbox_license (id, " + columns + ") VALUES (:id, " + values + ")").bind("id", l.id())
                : h.createUpdate("INSERT INTO sandbox_license (" + columns + ") VALUES (" + values + ")");
        long id = insert
                .bind("subscription", l.subscriptionName())
                .bind("name", l.licenseeName())
                .bind("email", CustomerStore.normal(l.licenseeEmail()))
                .bind("company", l.licenseeCompany())
                .bind("plan", l.plan())
                .bind("users", l.usersCount())
                .bind("true_up", l.trueUpCount())
                .bind("issued", l.issuedAt())
                .bind("starts", l.startsAt())
                .bind("expires", l.expiresAt())
                .bind("trial", l.trial())
                .bind("kind", l.kind().name())
                .bind("text", licenseText)
                .bind("digest", licenseText == null ? null : SandboxSecrets.digest(licenseText))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        return new License(id, l.subscriptionName(), l.licenseeName(), CustomerStore.normal(l.licenseeEmail()),
                l.licenseeCompany(), l.plan(), l.usersCount(), l.trueUpCount(), l.issuedAt(), l.startsAt(), l.expiresAt(),
                l.trial(), l.kind());
    }

    List<LicenseHostname> hostnames(Handle h, long licenseId) {
        return h.createQuery("""
                        SELECT hostname, last_ping_at FROM sandbox_license_hostname
                        WHERE license_id = :id ORDER BY last_ping_at DESC, hostname""")
                .bind("id", licenseId)
                .map((rs, ctx) -> new LicenseHostname(rs.getString("hostname"), instant(rs, "last_ping_at")))
                .list();
    }

    void insertHostname(Handle h, long licenseId, LicenseHostname hostname) {
        h.createUpdate("INSERT INTO sandbox_license_hostname (license_id, hostname, last_ping_at) VALUES (:id, :host, :at)")
                .bind("id", licenseId)
                .bind("host", hostname.hostname())
                .bind("at", hostname.usagePingLastCheckedAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    Optional<String> activationCode(Handle h, String subscriptionName) {
        return h.createQuery("SELECT activation_code FROM sandbox_cloud_activation WHERE subscription_name = :name")
                .bind("name", subscriptionName).mapTo(String.class).findOne();
    }

    List<CloudActivation.InstanceActivation> instanceActivations(Handle h, String subscriptionName) {
        return h.createQuery("""
                        SELECT instance_id, hostname, activated_at FROM sandbox_instance_activation
                        WHERE subscription_name = :name ORDER BY activated_at, id""")
                .bind("name", subscriptionName)
                .map((rs, ctx) -> new CloudActivation.InstanceActivation(rs.getString("instance_id"), rs.getString("hostname"),
                        instant(rs, "activated_at")))
                .list();
    }

    void insertCloudActivation(Handle h, String subscriptionName, String activationCode) {
        h.createUpdate("INSERT INTO sandbox_cloud_activation (subscription_name, activation_code) VALUES (:name, :code)")
                .bind("name", subscriptionName)
                .bind("code", activationCode)
                .execute();
    }

    void insertInstanceActivation(Handle h, String subscriptionName, CloudActivation.InstanceActivation activation) {
        h.createUpdate("""
                        INSERT INTO sandbox_instance_activation (subscription_name, instance_id, hostname, activated_at)
                        VALUES (:name, :instance, :host, :at)""")
                .bind("name", subscriptionName)
                .bind("instance", activation.instanceId())
                .bind("host", activation.hostname())
                .bind("at", activation.activatedAt().atOffset(ZoneOffset.UTC))
                .execute();
    }

    private static String contains(String text) {
        String escaped = text.trim().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static License license(ResultSet rs, StatementContext ctx) throws SQLException {
        return new License(rs.getLong("id"), rs.getString("subscription_name"), rs.getString("licensee_name"),
                rs.getString("licensee_email"), rs.getString("licensee_company"), rs.getString("plan"),
                rs.getInt("users_count"), rs.getInt("true_up_count"), rs.getObject("issued_at", LocalDate.class),
                rs.getObject("starts_at", LocalDate.class), rs.getObject("expires_at", LocalDate.class),
                rs.getBoolean("trial"), LicenseKind.valueOf(rs.getString("kind")));
    }
}
