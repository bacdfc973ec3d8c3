package org.awardeval.documents;

/**
 * A place where a document names its applicant: where ("page 3, line 12", "the document's properties (Author)", "the
 * file name"), what kind of identifier and the words. {@code removed} when judges will not get it anyway (properties
 * and file names are removed from their copy).
 */
public record Finding(String where, String kind, String words, boolean removed) {

    /** In the applicant's words: "page 3, line 12: the organisation's name (“Makerere University”)". */
    public String describe() {
        return where + ": " + kind + " (\u201c" + words + "\u201d)" + (removed ? ", removed from the judges' copy" : "");
    }
}
