package org.keizu.render;

/**
 * The bundle's keys for terms of the data: "vocabulary-extension" becomes "vocabulary_extension".
 */
public final class MessageKeys {
    private MessageKeys() {}

    static String suffix(String term) {
        return term.replace('-', '_');
    }

    /** The key of a detector finding's sentence ("finding_same_shape"). */
    public static String finding(String finding) {
        return "finding_" + suffix(finding);
    }
}
