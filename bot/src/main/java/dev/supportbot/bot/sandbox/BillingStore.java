package dev.supportbot.bot.sandbox;

import dev.supportbot.workflows.domain.BillingAccount;
import dev.supportbot.workflows.domain.Contact;
import dev.supportbot.workflows.domain.Deployment;
import dev.supportbot.workflows.domain.Invoice;
import dev.supportbot.workflows.domain.Membership;
import dev.supportbot.workflows.domain.Subscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

/** The sandbox's billing accounts (with contacts and reseller), memberships, subscriptions and invoices. */
final class BillingStore {
    // The reseller's invoice-owner account is another billing account: its Sold To email is what a vouch matches.
    private static final String ACCOUNT_QUERY = """
            SELECT a.*, o.sold_to_email AS owner_sold_to_email
            FROM sandbox_billing_account a
            LEFT JOIN sandbox_billing_account o ON o.zuora_account_id = a.invoice_owner_account_id
            """;
    private static final String SUBSCRIPTION_QUERY = """
            SELECT s.*, a.zuora_account_id, a.reseller_name
            FROM sandbox_subscription s JOIN sandbox_billing_account a ON a.id = s.billing_account_id
            """;

    boolean isEmpty(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM sandbox_billing_account").mapTo(Long.class).one() == 0;
    }

    Optional<BillingAccount> account(Handle h, long id) {
        return h.createQuery(ACCOUNT_QUERY + "WHERE a.id = :id").bind("id", id).map(BillingStore::accountRow).findOne();
    }

    Optional<BillingAccount> accountByZuoraId(Handle h, String zuoraAccountId) {
        return h.createQuery(ACCOUNT_QUERY + "WHERE a.zuora_account_id = :zuora")
                .bind("zuora", zuoraAccountId.trim()).map(BillingStore::accountRow).findOne();
    }

    /** Inserts the account with its id; the reseller is named by its invoice-owner account's Zuora id. */
    void insertAccount(Handle h, long id, String zuoraAccountId, String company, Contact soldTo, Contact billTo,
            String resellerName, String invoiceOwnerAccountId) {
        Update insert = h.createUpdate("""
                        INSERT INTO sandbox_billing_account (id, zuora_account_id, company, sold_to_first_name,
                            sold_to_last_name, sold_to_email, sold_to_address, bill_to_first_name, bill_to_last_name,
                            bill_to_email, bill_to_address, reseller_name, invoice_owner_account_id)
                        VALUES (:id, :zuora, :company, :sold_to_first, :sold_to_last, :sold_to_email, :sold_to_address,
                            :bill_to_first, :bill_to_last, :bill_to_email, :bill_to_address, :reseller, :owner)""")
                .bind("id", id)
                .bind("zuora", zuoraAccountId)
                .bind("company", company)
                .bind("reseller", resellerName)
                .bind("owner", invoiceOwnerAccountId);
        bindContact(insert, "sold_to", soldTo);
        bindContact(insert, "bill_to", billTo);
        insert.execute();
    }

    void setContacts(Handle h, long accountId, Contact soldTo, Contact billTo) {
        Update update = h.createUpdate("""
                        UPDATE sandbox_billing_account SET
                            sold_to_first_name = :sold_to_first, sold_to_last_name = :sold_to_last,
                            sold_to_email = :sold_to_email, sold_to_address = :sold_to_address,
                            bill_to_first_name = :bill_to_first, bill_to_last_name = :bill_to_last,
                            bill_to_email = :bill_to_email, bill_to_address = :bill_to_address
                        WHERE id = :id""")
                .bind("id", accountId);
        bindContact(update, "sold_to", soldTo);
        bindContact(update, "bill_to", billTo);
        update.execute();
    }

    Optional<Membership> membership(Handle h, long id) {
        return h.createQuery("SELECT * FROM sandbox_membership WHERE id = :id")
                .bind("id", id).map(BillingStore::membershipRow).findOne();
    }

    List<Membership> membershipsOfCustomer(Handle h, long customerId) {
        return h.createQuery("SELECT * FROM sandbox_membership WHERE customer_id = :id ORDER BY id")
                .bind("id", customerId).map(BillingStore::membershipRow).list();
    }

    List<Membership> membershipsOfAccount(Handle h, long accountId) {
        return h.createQuery("SELECT * FROM sandbox_membership WHERE billing_account_id = :id ORDER BY id")
                .bind("id", accountId).map(BillingStore::membershipRow).list();
    }

    Membership insertMembership(Handle h, long customerId, long accountId) {
        long id = h.createUpdate("INSERT INTO sandbox_membership (customer_id, billing_account_id) VALUES (:customer, :account)")
                .bind("customer", customerId)
                .bind("account", accountId)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        return new Membership(id, customerId, accountId);
    }

    void deleteMembership(Handle h, long id) {
        h.createUpdate("DELETE FROM sandbox_membership WHERE id = :id").bind("id", id).execute();
    }

    Optional<Subscription> subscription(Handle h, String name) {
        return h.createQuery(SUBSCRIPTION_QUERY + "WHERE s.name = :name")
                .bind("name", name).map(BillingStore::subscriptionRow).findOne();
    }

    Optional<Subscription> subscriptionByNamespace(Handle h, String namespace) {
        return h.createQuery(SUBSCRIPTION_QUERY + "WHERE s.namespace = :namespace")
                .bind("namespace", namespace).map(BillingStore::subscriptionRow).findOne();
    }

    List<Subscription> subscriptionsOfAccount(Handle h, long accountId) {
        return h.createQuery(SUBSCRIPTION_QUERY + "WHERE s.billing_account_id = :id ORDER BY s.start_date DESC, s.name")
                .bind("id", accountId).map(BillingStore::subscriptionRow).list();
    }

    void insertSubscription(Handle h, Subscription s) {
        h.createUpdate("""
                        INSERT INTO sandbox_subscription (name, billing_account_id, deployment, namespace, plan, seats,
                            start_date, end_date)
                        VALUES (:name, :account, :deployment, :namespace, :plan, :seats, :start, :end)""")
                .bind("name", s.name())
                .bind("account", s.billingAccountId())
                .bind("deployment", s.deployment().name())
                .bind("namespace", s.namespace())
                .bind("plan", s.plan())
                .bind("seats", s.seats())
                .bind("start", s.startDate())
                .bind("end", s.endDate())
                .execute();
    }

    Optional<Invoice> invoice(Handle h, String number) {
        return h.createQuery("SELECT * FROM sandbox_invoice WHERE invoice_number = :number")
                .bind("number", number).map(BillingStore::invoiceRow).findOne();
    }

    List<Invoice> invoicesOfAccount(Handle h, long accountId) {
        return h.createQuery("SELECT * FROM sandbox_invoice WHERE billing_account_id = :id ORDER BY invoice_date DESC")
                .bind("id", accountId).map(BillingStore::invoiceRow).list();
    }

    void insertInvoice(Handle h, Invoice invoice) {
        h.createUpdate("""
                        INSERT INTO sandbox_invoice (invoice_number, billing_account_id, invoice_date, amount)
                        VALUES (:number, :account, :date, :amount)""")
                .bind("number", invoice.number())
                .bind("account", invoice.billingAccountId())
                .bind("date", invoice.date())
                .bind("amount", invoice.amount())
                .execute();
    }

    private static void bindContact(Update statement, String prefix, Contact contact) {
        statement.bind(prefix + "_first", contact == null ? null : contact.firstName())
                .bind(prefix + "_last", contact == null ? null : contact.lastName())
                .bind(prefix + "_email", contact == null ? null : CustomerStore.normal(contact.email()))
                .bind(prefix + "_address", contact == null ? null : contact.address());
    }

    private static BillingAccount accountRow(ResultSet rs, StatementContext ctx) throws SQLException {
        String reseller = rs.getString("reseller_name");
        return new BillingAccount(rs.getLong("id"), rs.getString("zuora_account_id"), rs.getString("company"),
                contact(rs, "sold_to"), contact(rs, "bill_to"),
                reseller == null ? null : new BillingAccount.Reseller(reseller, rs.getString("invoice_owner_account_id"),
                        rs.getString("owner_sold_to_email")));
    }

    private static Contact contact(ResultSet rs, String prefix) throws SQLException {
        String email = rs.getString(prefix + "_email");
        return email == null ? null : new Contact(rs.getString(prefix + "_first_name"), rs.getString(prefix + "_last_name"),
                email, rs.getString(prefix + "_address"));
    }

    private static Membership membershipRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Membership(rs.getLong("id"), rs.getLong("customer_id"), rs.getLong("billing_account_id"));
    }

    private static Subscription subscriptionRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Subscription(rs.getString("name"), rs.getLong("billing_account_id"), rs.getString("zuora_account_id"),
                Deployment.valueOf(rs.getString("deployment")), rs.getString("namespace"), rs.getString("plan"),
                rs.getInt("seats"), rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                rs.getString("reseller_name") != null);
    }

    private static Invoice invoiceRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Invoice(rs.getString("invoice_number"), rs.getLong("billing_account_id"),
                rs.getObject("invoice_date", LocalDate.class), rs.getBigDecimal("amount"));
    }
}
