package org.awardeval.submission;

import java.util.List;

/** The documents a call requires, by name (the documents module knows them); the one-page public form takes none. */
public interface RequiredDocuments {

    List<String> labels(long callId);
}
