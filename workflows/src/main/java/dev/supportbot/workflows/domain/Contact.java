package dev.supportbot.workflows.domain;

/** A billing account contact (Zuora's Sold To or Bill To). */
public record Contact(String firstName, String lastName, String email, String address) {

    public String fullName() {
        return (firstName + " " + lastName).trim();
    }

    public String emailDomain() {
        return Emails.domainOf(email);
    }
}
