package dev.supportbot.workflows.licenses;

import dev.supportbot.workflows.domain.License;
import dev.supportbot.workflows.domain.Subscription;

/**
 * The license's plan against the plan its subscription bought (handbook, LicenseDot Access and Use: "ensure the plan
 * that's listed here is the one they bought"). Plans compare without regard to case.
 */
public record LicensePlan(boolean agrees, String words) {

    public static LicensePlan check(License license, Subscription subscription) {
        String licensePlan = license.plan() == null ? "none" : license.plan().strip();
        String bought = subscription.plan() == null ? "" : subscription.plan().strip();
        if (bought.isEmpty()) {
            return new LicensePlan(false, "subscription " + subscription.name() + " names no plan to check the license's plan, "
                    + licensePlan + ", against");
        }
        if (bought.equalsIgnoreCase(licensePlan)) {
            return new LicensePlan(true, "the license's plan, " + licensePlan + ", is the plan of subscription " + subscription.name());
        }
        return new LicensePlan(false, "the license's plan, " + licensePlan + ", differs from the plan of subscription "
                + subscription.name() + ", " + bought);
    }
}
