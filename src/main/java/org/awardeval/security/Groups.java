package org.awardeval.security;

import java.util.List;

/** The groups every installation has; each user gets the rights of their groups only. */
public final class Groups {

    public static final String COORDINATORS = "coordinators";
    public static final String JUDGES = "judges";
    public static final String PANEL = "panel";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String ADMINS = "camunda-admin";
    public static final List<String> ALL = List.of(COORDINATORS, JUDGES, PANEL, PROCESS_OWNERS, ADMINS);

    private Groups() {
    }
}
