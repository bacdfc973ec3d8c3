package org.awardeval.call;

import org.awardeval.deliberation.PanelService;

/** Calls may not depend on deliberation at all: {@code ModulesTest} expects this class to be refused. */
class ReachesIntoDeliberation {

    PanelService panel;
}
