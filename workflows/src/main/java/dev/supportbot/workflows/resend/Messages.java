package dev.supportbot.workflows.resend;

/** What the requester reads: polite, plain, no address but "yours", no internal detail. */
final class Messages {
    private Messages() {}

    static String sent(String subscription, boolean activationCode) {
        String what = activationCode ? "the activation code" : "the license";
        return "Hello,\n\nThank you for your patience. We have sent " + what + " of subscription " + subscription
                + " to the email address you wrote to us from. It should arrive within a few minutes; if it does not,"
                + " please check your spam folder and let us know here.";
    }
}
