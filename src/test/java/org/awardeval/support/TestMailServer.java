package org.awardeval.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * A mail server for the tests of one JVM, listening on a port the system chose when it started: tests in parallel
 * JVMs never ask for the same port. Its port is known before the application context starts.
 */
public final class TestMailServer {

    public static final GreenMail SMTP = start();

    private TestMailServer() {
    }

    public static int port() {
        return SMTP.getSmtp().getPort();
    }

    private static GreenMail start() {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        return smtp;
    }
}
