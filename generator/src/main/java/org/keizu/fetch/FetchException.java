package org.keizu.fetch;

/** A fetch that could not be done, with a message that says which request and why. */
public final class FetchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /*
     * Messages quote what a server sent (a Location header, a status line): they are made printable
     * here, once, so that no control or bidi character reaches a terminal or a CI log.
     */
    public FetchException(String message) {
        super(org.keizu.diagnostic.FindingFormat.printable(message));
    }

    public FetchException(String message, Throwable cause) {
        super(org.keizu.diagnostic.FindingFormat.printable(message), cause);
    }

    /**
     * {@code what} (an answer the hub sent) did not parse as JSON: Jackson's reason, without its
     * position dump.
     */
    static FetchException notJson(String what, java.io.IOException e) {
        String reason =
                e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                        ? j.getOriginalMessage()
                        : e.getMessage();
        return new FetchException(what + " is not valid JSON (" + reason + ")", e);
    }
}
