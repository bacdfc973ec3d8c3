package org.awardeval.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Links in e-mails, built on the address applicants reach (`award.public-url`), never on the Host header of the
 * request that caused the e-mail, which its sender chooses. Read when a link is made: a test's address is known only
 * once its server listens.
 */
@Component
public class PublicLinks {

    private final Environment environment;

    PublicLinks(Environment environment) {
        this.environment = environment;
    }

    /** The absolute address of a path of the application, such as /portal. */
    public String to(String path) {
        return environment.getProperty("award.public-url", "http://localhost:8080") + path;
    }
}
