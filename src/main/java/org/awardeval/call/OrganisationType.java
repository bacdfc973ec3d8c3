package org.awardeval.call;

public enum OrganisationType {
    HEI, ENTERPRISE, NATIONAL_CENTRE, INTERNATIONAL_ORGANISATION, GOVERNMENT_AGENCY, OTHER
}
