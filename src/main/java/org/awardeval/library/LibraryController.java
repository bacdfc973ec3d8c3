package org.awardeval.library;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.awardeval.call.CallTexts;
import org.awardeval.call.CallTextsInLanguage;
import org.awardeval.library.Library.Case;
import org.awardeval.library.Library.Filter;
import org.awardeval.web.CsvExport;
import org.awardeval.web.NotFoundException;
import org.awardeval.web.PublicLinks;
import org.awardeval.web.Regions;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The library's public pages and its open data; anyone may read them. */
@Controller
class LibraryController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Library library;
    private final CallTextsInLanguage texts;
    private final PublicLinks links;

    LibraryController(Library library, CallTextsInLanguage texts, PublicLinks links) {
        this.library = library;
        this.texts = texts;
        this.links = links;
    }

    @GetMapping("/library")
    String cases(@RequestParam(required = false) Integer year, @RequestParam(required = false) String category,
            @RequestParam(required = false) String region, @RequestParam(required = false) String type,
            @RequestParam(required = false) String q, Model model) {
        List<Case> all = library.cases();
        Filter filter = new Filter(year, category, region, type, q);
        // Each call's texts read once, however many of its cases are listed.
        Map<Long, CallTexts> byCall = new HashMap<>();
        Function<Case, String> categoryName = c -> byCall.computeIfAbsent(c.callId(), texts::of).category(c.categoryCode()).text();
        Map<String, String> categories = new TreeMap<>();
        Map<String, String> regions = new TreeMap<>();
        all.forEach(c -> {
            categories.putIfAbsent(c.categoryCode(), categoryName.apply(c));
            if (c.regionCode() != null) {
                regions.putIfAbsent(c.regionCode(), Regions.name(c.regionCode(), LocaleContextHolder.getLocale()));
            }
        });
        model.addAttribute("cases", all.stream().filter(c -> filter.matches(c, categoryName.apply(c))).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("years", new TreeSet<>(all.stream().map(Case::year).toList()).descendingSet());
        model.addAttribute("categories", categories);
        model.addAttribute("regions", regions);
        model.addAttribute("types", new TreeSet<>(all.stream().map(Case::organisationType).toList()));
        model.addAttribute("editions", library.editions());
        return "library";
    }

    @GetMapping("/library/cases/{code}")
    String page(@PathVariable String code, Model model) throws JsonProcessingException {
        Case shown = library.byCode(code).orElseThrow(() -> new NotFoundException("There is no published case " + code));
        String categoryName = texts.of(shown.callId()).category(shown.categoryCode()).text();
        model.addAttribute("c", shown);
        model.addAttribute("categoryName", categoryName);
        model.addAttribute("regionName", shown.regionCode() == null ? null
                : Regions.name(shown.regionCode(), LocaleContextHolder.getLocale()));
        // Inside a script element: no "<", ">" or "&" may end it early, so they are written as JSON escapes.
        model.addAttribute("jsonLd", JSON.writeValueAsString(jsonLd(shown, categoryName)).replace("<", "\\u003c").replace(">", "\\u003e")
                .replace("&", "\\u0026"));
        return "library-case";
    }

    /** schema.org's description of the case, for search engines and anyone who reads data. */
    private Map<String, Object> jsonLd(Case c, String categoryName) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("@context", "https://schema.org");
        data.put("@type", "CreativeWork");
        data.put("@id", links.to("/library/cases/" + c.code()));
        data.put("url", links.to("/library/cases/" + c.code()));
        data.put("identifier", c.code());
        data.put("name", c.title());
        data.put("abstract", c.summary());
        data.put("genre", categoryName);
        data.put("datePublished", String.valueOf(c.year()));
        data.put("creator", Map.of("@type", "Organization", "name", c.organisation(), "address",
                Map.of("@type", "PostalAddress", "addressCountry", c.country())));
        data.put("award", c.callName());
        data.put("isPartOf", Map.of("@type", "CreativeWorkSeries", "name", c.callName()));
        if (c.educatorsReached() != null) {
            data.put("audience", Map.of("@type", "EducationalAudience", "educationalRole", "teacher", "audienceType",
                    c.educatorsReached() + " educators reached"));
        }
        return data;
    }

    @GetMapping("/api/library/cases")
    @ResponseBody
    List<Case> data() {
        return library.cases();
    }

    @GetMapping("/api/library/cases.csv")
    ResponseEntity<byte[]> csv() {
        return CsvExport.attachment("library.csv", List.of("code", "year", "call", "category", "title", "summary", "organisation",
                "organisation_type", "country", "region", "educators_reached"), library.cases().stream().map(c -> List.of(c.code(),
                String.valueOf(c.year()), c.callName(), c.categoryCode(), c.title(), nullToEmpty(c.summary()), c.organisation(),
                c.organisationType(), c.country(), nullToEmpty(Regions.of(c.country())),
                c.educatorsReached() == null ? "" : String.valueOf(c.educatorsReached()))).toList());
    }

    @GetMapping("/api/library/editions")
    @ResponseBody
    List<Library.Edition> editions() {
        return library.editions();
    }

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFoundException e, Model model) {
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
