package org.keizu.fetch;

/** A fetch that could not be done, with a message that says which request and why. */
public final class FetchException extends RuntimeException {
    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
