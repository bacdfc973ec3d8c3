package org.awardeval.cycle;

import org.awardeval.support.H2Test;

@H2Test
class FullCycleH2Test extends FullCycleScenario {
}
