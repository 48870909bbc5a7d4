package dev.supportbot.bot.portal;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The fields of a customer to change; null ones stay. {@link #save()} changes nothing but still saves the customer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomerUpdate(
        String firstName, String lastName, String email, Boolean skipEmailConfirmation, Boolean loginActivated) {

    /** Saves the customer unchanged: what "click Save on the original Sold To last" does. */
    public static CustomerUpdate save() {
        return new CustomerUpdate(null, null, null, null, null);
    }

    public CustomerUpdate withName(String first, String last) {
        return new CustomerUpdate(first, last, email, skipEmailConfirmation, loginActivated);
    }

    /** A new email that takes effect at once ("Skip email confirmation" checked). */
    public CustomerUpdate withConfirmedEmail(String newEmail) {
        return new CustomerUpdate(firstName, lastName, newEmail, true, loginActivated);
    }

    /** A new email that waits for the customer to confirm it. */
    public CustomerUpdate withUnconfirmedEmail(String newEmail) {
        return new CustomerUpdate(firstName, lastName, newEmail, false, loginActivated);
    }

    public CustomerUpdate withLoginActivated(boolean activated) {
        return new CustomerUpdate(firstName, lastName, email, skipEmailConfirmation, activated);
    }
}
