package dev.supportbot.bot.sandbox;

/** Body of {@code POST /sign-in-links/redeem}. {@link #toString()} hides the token. */
record SignInRedemption(String token) {

    @Override
    public String toString() {
        return "SignInRedemption[token hidden]";
    }
}
