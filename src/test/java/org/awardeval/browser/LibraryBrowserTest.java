package org.awardeval.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.awardeval.demo.SampleData;
import org.awardeval.library.Library;
import org.awardeval.submission.ApplicationRepository;
import org.awardeval.submission.ApplicationStatus;
import org.awardeval.submission.StoredApplication;
import org.awardeval.support.Axe;
import org.awardeval.support.H2Test;
import org.awardeval.support.InProcessCycle;
import org.awardeval.web.Regions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** A reader narrows the case library by its filters in Chromium. */
@H2Test
@EnabledIf("org.awardeval.support.Chromium#enabled")
class LibraryBrowserTest extends BrowserTestBase {

    @Autowired InProcessCycle driver;
    @Autowired Library library;
    @Autowired ApplicationRepository applications;

    @Test
    void aReaderFindsCasesByTextRegionAndCategory() throws Exception {
        String suffix = "lbb" + System.nanoTime();
        long callId = driver.openCall("Library browser " + suffix);
        SampleData.sixEligible(suffix).forEach(form -> driver.submit(callId, form));
        driver.runToAnnouncement(callId);
        List<StoredApplication> selected = applications.byCallAndStatus(callId, ApplicationStatus.AWARDED);
        selected.forEach(a -> library.answer(a, true, "What " + a.organisationName() + " did, in its own words."));
        assertThat(selected).hasSizeGreaterThanOrEqualTo(3);

        browser.go("/library");
        browser.fill(By.id("q"), suffix);
        browser.click(By.cssSelector("form.filters button[type='submit']"));
        browser.await(d -> d.getCurrentUrl().contains("q=" + suffix));
        assertThat(titles()).hasSize(selected.size());
        assertThat(browser.visible(By.cssSelector(".count")).getText()).isEqualTo(selected.size() + " cases");

        // Narrowed to one region: only the cases from its countries.
        StoredApplication one = selected.get(0);
        Select region = new Select(browser.visible(By.id("region")));
        String regionName = Regions.of(one.country());
        region.selectByVisibleText(regionName);
        browser.click(By.cssSelector("form.filters button[type='submit']"));
        browser.await(d -> d.getCurrentUrl().contains("region="));
        long inRegion = selected.stream().filter(a -> regionName.equals(Regions.of(a.country()))).count();
        assertThat(titles()).hasSize((int) inRegion).contains(one.title());
        assertThat(browser.visible(By.id("q")).getDomProperty("value")).isEqualTo(suffix);

        // And to a category it has no case in: none, said so.
        new Select(browser.visible(By.id("region"))).selectByIndex(0);
        new Select(browser.visible(By.id("category"))).selectByValue(one.categoryCode());
        browser.click(By.cssSelector("form.filters button[type='submit']"));
        browser.await(d -> d.getCurrentUrl().contains("category=" + one.categoryCode()));
        assertThat(titles()).contains(one.title()).allSatisfy(t -> assertThat(selected.stream()
                .filter(a -> a.title().equals(t)).findFirst().orElseThrow().categoryCode()).isEqualTo(one.categoryCode()));
        Axe.assertAccessible(browser, "the case library");

        browser.click(By.linkText(one.title()));
        assertThat(browser.visible(By.tagName("h1")).getText()).isEqualTo(one.title());
        assertThat(browser.visible(By.tagName("main")).getText()).contains("What " + one.organisationName() + " did");
        // The page describes the case as schema.org data, as a search engine reads it from the page.
        JsonNode data = new ObjectMapper().readTree((String) browser.script(
                "return document.querySelector('script[type=\"application/ld+json\"]').textContent"));
        assertThat(data.get("@context").asText()).isEqualTo("https://schema.org");
        assertThat(data.get("@type").asText()).isEqualTo("CreativeWork");
        assertThat(data.get("name").asText()).isEqualTo(one.title());
        assertThat(data.at("/creator/name").asText()).isEqualTo(one.organisationName());
        browser.go("/library?q=" + suffix);
        browser.picture("case-library", null);
    }

    private List<String> titles() {
        return browser.driver().findElements(By.cssSelector("ul.cards li a")).stream().map(WebElement::getText).toList();
    }
}
