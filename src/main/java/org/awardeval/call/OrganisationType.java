package org.awardeval.call;

/** The kinds of organisation a call may admit; {@link #label()} is what applicants read. */
public enum OrganisationType {
    HEI("Higher education institution"),
    ENTERPRISE("Enterprise"),
    NATIONAL_CENTRE("National centre"),
    INTERNATIONAL_ORGANISATION("International organisation"),
    GOVERNMENT_AGENCY("Government agency"),
    OTHER("Other");

    private final String label;

    OrganisationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
