package org.osteon.common;

/** Thrown while reading a request whose text holds what {@link Text#problem} refuses; {@link ProblemMapper} names the field. */
public class InvalidTextException extends IllegalArgumentException {
    public InvalidTextException(String problem, boolean lineBreaks) {
        super(problem + "; text must be printable Unicode" + (lineBreaks ? " (tab and line breaks allowed)" : "")
                + " without control characters");
    }
}
