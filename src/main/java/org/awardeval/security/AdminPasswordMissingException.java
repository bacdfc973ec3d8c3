package org.awardeval.security;

/** Startup stops when no admin password is configured outside the demo profile. */
public class AdminPasswordMissingException extends RuntimeException {

    public AdminPasswordMissingException() {
        super("No admin password is configured: set the environment variable AWARD_ADMIN_PASSWORD");
    }
}
