package dev.supportbot.workflows.domain;

/** A Customers Portal user. {@code uid} is the linked GitLab.com account id, or null when none is linked. */
public record Customer(
        long id,
        String firstName,
        String lastName,
        String email,
        String company,
        boolean loginActivated,
        Long uid) {

    public String fullName() {
        return (firstName + " " + lastName).trim();
    }

    public boolean hasLinkedAccount() {
        return uid != null;
    }
}
