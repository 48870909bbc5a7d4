package dev.supportbot.bot.sandbox;

/** Body of {@code POST /customers}: what a person types into the portal's sign-up form. */
record SignUpRequest(String firstName, String lastName, String email, String company) {}
