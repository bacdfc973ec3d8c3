package org.awardeval.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The application's own settings ({@code award.*}); each has an environment variable in application.yml.
 *
 * @param processesDir folder with the BPMN, DMN and form files; when it does not exist, the copy packaged in the jar is used
 * @param pollInterval how often a waiting award cycle re-checks its applications, in case a wake-up message was missed
 * @param adminPassword password of the {@code admin} user; required outside the demo profile
 * @param votingPeriod  how long the panel has to vote once the shortlist is ready
 * @param reviewReminder how long before a review is due the judge gets a reminder
 * @param reviewGrace    how long after a review is due it is reassigned; a replacement judge gets as long
 * @param processesWatch whether a change to a file in the processes folder is deployed while the application runs
 * @param processesWatchDelay how long the folder must stay unchanged before it is deployed, so that a save is complete
 * @param historyDetails whether the engine's history also keeps every variable change, a job log and review variables
 * @param revisionPeriod how long the judges of a split application have to reconsider their scores
 * @param invitationPeriod how long an invited judge has to answer
 */
@ConfigurationProperties(prefix = "award")
public record AwardProperties(String processesDir, Duration pollInterval, String adminPassword, Duration votingPeriod,
        Duration reviewReminder, Duration reviewGrace, Boolean processesWatch, Duration processesWatchDelay,
        boolean historyDetails, Duration revisionPeriod, Duration invitationPeriod) {

    public AwardProperties {
        if (processesDir == null || processesDir.isBlank()) {
            processesDir = "processes";
        }
        if (pollInterval == null) {
            pollInterval = Duration.ofMinutes(5);
        }
        if (votingPeriod == null) {
            votingPeriod = Duration.ofDays(14);
        }
        if (reviewReminder == null) {
            reviewReminder = Duration.ofDays(3);
        }
        if (revisionPeriod == null) {
            revisionPeriod = Duration.ofDays(5);
        }
        if (invitationPeriod == null) {
            invitationPeriod = Duration.ofDays(14);
        }
        if (reviewGrace == null) {
            reviewGrace = Duration.ofDays(7);
        }
        if (processesWatch == null) {
            processesWatch = true;
        }
        if (processesWatchDelay == null) {
            processesWatchDelay = Duration.ofSeconds(1);
        }
    }
}
