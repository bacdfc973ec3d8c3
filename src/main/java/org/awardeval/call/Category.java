package org.awardeval.call;

import java.util.List;

/**
 * A category of a call, and how many cases it awards and shortlists when that differs from the call's number for every
 * category (null: the call's).
 */
public record Category(String code, String name, String description, Integer winners, Integer shortlist) {

    public Category(String code, String name, String description) {
        this(code, name, description, null, null);
    }

    /** The four categories of the 2025 award, the template of every new call. */
    public static final List<Category> TEMPLATE_2025 = List.of(
            new Category("MC", "Digital and AI competencies through IIOE Micro-certification",
                    "Developing the digital and AI competencies of the higher education workforce through IIOE Micro-certification."),
            new Category("NC", "Localised digital empowerment through IIOE National Centres",
                    "Enabling localised digital empowerment initiatives through IIOE National Centres."),
            new Category("SC", "Smart Classroom operations for teaching and learning",
                    "Leveraging Smart Classroom operations for teaching and learning innovation and excellence."),
            new Category("IU", "Global industry-university collaboration",
                    "Strengthening global industry-university collaboration for higher education digital empowerment."));
}
