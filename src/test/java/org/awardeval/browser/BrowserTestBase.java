package org.awardeval.browser;

import org.awardeval.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A fresh Chromium per test on the application's port; the last page of each test is kept under target/browser. */
abstract class BrowserTestBase {

    @LocalServerPort int port;

    Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws Exception {
        browser.keepPage(test.getTestMethod().orElseThrow().getName());
        browser.close();
    }
}
