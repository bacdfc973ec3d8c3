package org.awardeval.web;

import com.ibm.icu.text.LocaleDisplayNames;
import com.ibm.icu.util.Region;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import java.util.Locale;

/** Countries as applicants write them, and the UN region (M.49 sub-region) each lies in. */
public final class Regions {

    private static final LocaleDisplayNames NAMES = LocaleDisplayNames.getInstance(ULocale.ENGLISH);

    private Regions() {
    }

    /** "Eastern Africa" for Rwanda; null when the country is not known. */
    public static String of(String country) {
        String region = codeOf(country);
        return region == null ? null : NAMES.regionDisplayName(region);
    }

    /** The M.49 code of the country's region ("014" for Rwanda); null when the country is not known. */
    public static String codeOf(String country) {
        String code = isoCode(country);
        if (code == null) {
            return null;
        }
        Region region = Region.getInstance(code).getContainingRegion();
        return region == null ? null : region.toString();
    }

    /** A region's name in a reader's language: "Afrique de l’Est". */
    public static String name(String regionCode, Locale locale) {
        return LocaleDisplayNames.getInstance(ULocale.forLocale(locale)).regionDisplayName(regionCode);
    }

    /** The ISO code of a country named by its code or its English name, in any case; null when none matches. */
    public static String isoCode(String country) {
        if (country == null) {
            return null;
        }
        String name = country.strip();
        return Arrays.stream(Locale.getISOCountries())
                .filter(code -> code.equalsIgnoreCase(name) || NAMES.regionDisplayName(code).equalsIgnoreCase(name)
                        || new Locale("", code).getDisplayCountry(Locale.ENGLISH).equalsIgnoreCase(name))
                .findFirst().orElse(null);
    }
}
