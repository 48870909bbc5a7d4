package dev.supportbot.workflows.troubleshooting;

/** A license registration error GitLab shows, as quoted in a ticket comment (handbook "License Troubleshooting"). */
public sealed interface RegistrationError {

    /** "...had {@code activeUsers} active users, exceeding this license's limit of {@code licensedUsers}...". */
    record UsersOverLimit(int activeUsers, int licensedUsers) implements RegistrationError {
        /**
         * GitLab before 10.7 prints wrong numbers in this message (typically 0 active users and a negative excess). The
         * cause stays the one the handbook gives: more active users than the license allows; only the count is unknown.
         */
        public boolean numbersWrong() {
            return activeUsers <= licensedUsers;
        }

        public int missingSeats() {
            return activeUsers - licensedUsers;
        }
    }

    /** "You have applied a True-up for {@code appliedFor} users but you need one for {@code neededFor} users". */
    record TrueUpMismatch(int appliedFor, int neededFor) implements RegistrationError {}
}
