package org.awardeval.browser;

import org.awardeval.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A fresh Chromium per test on the application's port, and what a user does in Tasklist; the last page of each test
 * is kept under target/browser.
 */
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

    // --- Tasklist, as a user clicks it ---

    void openFilter(String name) {
        By filter = By.xpath("//*[contains(concat(' ', @class, ' '), ' task-filter ')][.//h4[normalize-space(.)='" + name + "' or starts-with(normalize-space(.),'"
                + name + " ')]]");
        // Tasklist draws its filters before it listens to clicks on them: click until the filter is the active one.
        browser.await(d -> {
            WebElement item = browser.visible(filter);
            if (!item.getAttribute("class").contains("active")) {
                item.findElement(By.cssSelector("h4 a")).click();
            }
            return d.findElement(filter).getAttribute("class").contains("active") ? item : null;
        });
    }

    void openTask(String code) {
        browser.visible(By.xpath("//li[contains(@class,'task')]//a[contains(normalize-space(.),'" + code + "')]")).click();
    }

    String taskList() {
        return browser.driver().findElements(By.cssSelector(".tasks-list")).stream().map(WebElement::getText).findFirst().orElse("");
    }

    WebElement field(String label) {
        WebElement labelElement = browser.visible(By.xpath("//div[contains(@class,'fjs-form')]//label[starts-with(normalize-space(.),'"
                + label + "')]"));
        return browser.driver().findElement(By.id(labelElement.getAttribute("for")));
    }

    /**
     * Types into a form field and tabs out, as a user moves on, until the field holds the text: Tasklist can draw the
     * form again while it loads the task's variables, and a redrawn field has lost what was typed before.
     */
    void type(String label, String text) {
        browser.await(d -> {
            WebElement input = field(label);
            if (!text.equals(input.getDomProperty("value"))) {
                browser.script("arguments[0].scrollIntoView({block: 'center'});", input);
                input.click();
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text, Keys.TAB);
            }
            return text.equals(field(label).getDomProperty("value"));
        });
    }

    /** Picks the choice of a radio group whose text starts with the given value ("4" picks "4 · strong"). */
    void pick(String label, String value) {
        By option = By.xpath("//div[contains(@class,'fjs-form-field-radio')][.//label[starts-with(normalize-space(.),'" + label
                + "')]]//label[input[@type='radio']][starts-with(normalize-space(.),'" + value + " ')]/input");
        browser.await(d -> {
            WebElement input = browser.visible(option);
            if (!input.isSelected()) {
                browser.script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", input);
            }
            return d.findElement(option).isSelected();
        });
    }

    void choose(String label, String option) {
        String id = field(label).getAttribute("id");
        By item = By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']");
        // The list opens when the field gets the focus, from a click or from the Tab key.
        if (browser.driver().findElements(item).isEmpty()) {
            browser.click(By.id(id + "-display"));
        }
        // It can open under Tasklist's fixed footer; the item takes the press as it would from a user.
        browser.script("arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}));", browser.visible(item));
        browser.await(d -> d.findElements(item).isEmpty());
    }

    /** Takes a task offered to the user's group: Tasklist opens its form for input once the task is theirs. */
    void claim() {
        browser.click(By.cssSelector("button.claim"));
        browser.await(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
    }

    void complete() {
        browser.click(By.cssSelector("button[ng-click='complete()']"));
    }
}
