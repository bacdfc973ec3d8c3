package org.awardeval.documents;

import java.util.Locale;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A document a call asks for: a PDF (with a size and a page limit), up to a number of images, or a link.
 *
 * @param code     the slot's key in forms and the API, for example {@code caseReport}
 * @param label    its name as applicants read it, for example "Case report"
 * @param maxFiles how many files it takes (images), 1 for a PDF or a link
 * @param maxBytes the size of one file at most
 * @param maxPages the pages of a PDF at most; null for no limit
 */
public record DocumentSlot(String code, String label, Kind kind, boolean required, int maxFiles, long maxBytes, Integer maxPages) {

    public enum Kind { PDF, IMAGES, LINK }

    /** The upload limit of the server: no slot takes a larger file. */
    public static final long LARGEST_FILE = 25L * 1024 * 1024;

    /** What the slot takes, in words: "PDF, at most 10 MB and 20 pages". */
    public String rules() {
        return switch (kind) {
            case PDF -> "PDF, at most " + size(maxBytes) + (maxPages == null ? "" : " and " + maxPages + " pages");
            case IMAGES -> (maxFiles == 1 ? "one image" : "up to " + maxFiles + " images") + " (JPEG or PNG), each at most "
                    + size(maxBytes);
            case LINK -> "a web address (https://...)";
        };
    }

    /** What the slot takes as a message argument, written in the reader's language. */
    public MessageSourceResolvable rulesInWords() {
        return switch (kind) {
            case PDF -> maxPages == null ? resolvable("doc.rules.pdf", sized(maxBytes))
                    : resolvable("doc.rules.pdfPages", sized(maxBytes), maxPages);
            case IMAGES -> maxFiles == 1 ? resolvable("doc.rules.image", sized(maxBytes))
                    : resolvable("doc.rules.images", sized(maxBytes), maxFiles);
            case LINK -> resolvable("doc.rules.link");
        };
    }

    private MessageSourceResolvable resolvable(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args, rules());
    }

    /** A size as a message argument, written in the reader's language ("2.5 MB", "2,5 Mo"). */
    static MessageSourceResolvable sized(long bytes) {
        if (bytes >= 1024 * 1024) {
            return new DefaultMessageSourceResolvable(new String[] {"doc.size.mb"}, new Object[] {bytes / (1024.0 * 1024.0)}, size(bytes));
        }
        return new DefaultMessageSourceResolvable(new String[] {"doc.size.kb"}, new Object[] {Math.max(1, Math.round(bytes / 1024.0))},
                size(bytes));
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            double mb = bytes / (1024.0 * 1024.0);
            return (mb == Math.rint(mb) ? String.format(Locale.ENGLISH, "%.0f", mb) : String.format(Locale.ENGLISH, "%.1f", mb)) + " MB";
        }
        return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
}
