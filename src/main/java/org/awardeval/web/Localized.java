package org.awardeval.web;

import java.util.Locale;

/** A message argument written for the reader's language when the message is (a date, a list of labels). */
@FunctionalInterface
public interface Localized {

    String in(Locale locale);
}
