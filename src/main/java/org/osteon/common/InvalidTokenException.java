package org.osteon.common;

/**
 * Why a bearer token was refused, in words a client's developer may read (RFC 6750's
 * error_description): carried as the cause of the authentication failure, answered by
 * {@link ProblemMapper} in the 401's {@code WWW-Authenticate}. Never holds the token itself.
 */
public class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String reason) {
        super(reason, null, false, false);
    }
}
