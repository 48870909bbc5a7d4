package dev.supportbot.bot.portal;

/** Answers of the portal API as config/portal-api.yaml documents them, written by hand (not by the client's mapper). */
final class PortalFixtures {
    private PortalFixtures() {}

    /** Looks like a license file (base64 of {"data":…,"key":…,"iv":…}) so that the secret scanner knows it. */
    static final String LICENSE_TEXT = "eyJkYXRhIjoiUTJGdWJtOTBJR0psSUhKbFlXUWdZbmtnWVc1NWIyNWxJR0oxZENCMGFHVWdjRzl5ZEdGcyIsImtleSI6ImEyVjVMV0o1ZEdWeiIsIml2IjoiYVhZdFlubDBaWE09In0=";
    static final String ACTIVATION_CODE = "Xq7RbT2mK9vLp4Wz8NcY3dHs";

    static final String CUSTOMER = """
            {"id": 1101, "first_name": "Pat", "last_name": "Lee", "email": "pat@acme.example", "company": "Acme Corp",
             "login_activated": true, "uid": 5001}""";
    static final String HISTORY_ENTRY = """
            {"id": 9, "action": "update", "changes": {"login_activated": {"from": "true", "to": "false"}},
             "at": "2026-08-14T16:45:00Z"}""";
    static final String SIGN_IN_LINK = """
            {"customer_id": 1101, "email": "pat@acme.example", "expires_at": "2026-11-23T10:00:00Z"}""";
    static final String BILLING_ACCOUNT = """
            {"id": 1002, "zuora_account_id": "A00002001", "company": "Globex",
             "sold_to": {"first_name": "Rita", "last_name": "Ortega", "email": "rita@globex.example", "address": "200 Globex Plaza"},
             "bill_to": {"first_name": "Bo", "last_name": "Chan", "email": "billing@globex.example", "address": null},
             "reseller": {"name": "Resellerone", "invoice_owner_account_id": "A00009001",
                          "invoice_owner_sold_to_email": "orders@resellerone.example"}}""";
    static final String MEMBERSHIP = """
            {"id": 7, "customer_id": 1101, "billing_account_id": 1001}""";
    static final String SUBSCRIPTION = """
            {"name": "A-S00003001", "billing_account_id": 1003, "zuora_account_id": "A00003001", "deployment": "SAAS",
             "namespace": "initech", "plan": "Ultimate", "seats": 20, "start_date": "2026-05-06", "end_date": "2027-05-05",
             "reseller": false}""";
    static final String INVOICE = """
            {"number": "INV-1001-A", "billing_account_id": 1001, "date": "2026-01-26", "amount": 14250.00}""";
    static final String LICENSE = """
            {"id": 1101, "subscription_name": "A-S00001001", "licensee_name": "Pat Lee", "licensee_email": "pat@acme.example",
             "licensee_company": "Acme Corp", "plan": "Premium", "users_count": 50, "true_up_count": 0,
             "issued_at": "2026-01-25", "starts_at": "2026-01-26", "expires_at": "2027-01-26", "trial": false,
             "kind": "LEGACY_FILE"}""";
    static final String HOSTNAME = """
            {"hostname": "gitlab.acme.example", "usage_ping_last_checked_at": "2026-11-20T00:00:00Z"}""";
    static final String CLOUD_ACTIVATION = """
            {"subscription_name": "A-S00005001", "activation_code": "%s",
             "instance_activations": [{"instance_id": "6f1c2b7e", "hostname": "gitlab.hooli.example",
                                       "activated_at": "2026-09-25T11:20:00Z"}]}""".formatted(ACTIVATION_CODE);
    static final String MAIL_DELIVERY = """
            {"recipient": "alice@umbrela.example", "status": "FAILED", "smtp_code": 550, "message": "5.1.1 mailbox unavailable",
             "subject": "Your GitLab activation code: %s", "at": "2026-11-17T09:12:00Z"}""".formatted(ACTIVATION_CODE);
    static final String VALIDATION = """
            {"valid": true, "error": null, "subscription_name": "A-S00001001", "licensee_email": "pat@acme.example",
             "plan": "Premium", "users_count": 50, "starts_at": "2026-01-26", "expires_at": "2027-01-26"}""";
    static final String NAMESPACE = """
            {"namespace": "initech", "plan_code": "ultimate", "seats": 20, "start_date": "2026-05-06", "end_date": "2027-05-05"}""";

    static String list(String element) {
        return "[" + element + "]";
    }

    static String problem(int status, String title, String detail) {
        return """
                {"type": "urn:problem:portal:x", "title": "%s", "status": %d, "detail": "%s"}""".formatted(title, status, detail);
    }
}
