package org.osteon.common;

/**
 * Thrown while reading a request body that holds a field its type does not have, where ignoring
 * it would be unsafe; {@link ProblemMapper} names the field.
 */
public class UnknownFieldException extends IllegalArgumentException {
    private final String field;

    public UnknownFieldException(String field) {
        super("no such field: " + field);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
