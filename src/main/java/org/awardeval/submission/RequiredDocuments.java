package org.awardeval.submission;

import java.util.List;

/** The documents a call requires, by name (the documents module knows them); the one-page public form takes none. */
public interface RequiredDocuments {

    /** Their names in the language of the current request, where the call's coordinator translated them, else in English. */
    List<String> labels(long callId);
}
