package org.osteon.ingest;

/**
 * Why a batch was refused. {@code reason} names the field and goes back to the device in its
 * receipt; {@code code} is a short, bounded label for metrics and queries.
 */
public record Rejection(Code code, String reason) {

    /** Bounded set of rejection causes, used as a metrics tag. */
    public enum Code {
        MALFORMED,
        UNKNOWN_DEVICE,
        DEVICE_MISMATCH,
        MISSING_FIELD,
        WRONG_TYPE,
        UNEQUAL_LENGTH,
        EMPTY,
        NOT_FINITE,
        OUT_OF_RANGE,
        RATE_OUT_OF_RANGE,
        START_IN_FUTURE,
        START_BEFORE_REGISTRATION,
        TOO_LARGE,
        UNKNOWN_KIND,
        INVALID_VALUE,
        SEQ_REUSED,
        /** A text field with a control character, an unpaired surrogate or a non-character, or too long. */
        INVALID_TEXT,
        /** Valid as far as the decoders could tell, yet refused by the database; see IngestWriter. */
        UNSTORABLE;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Thrown by the decoders; carries no stack trace because it is an expected outcome. */
    public static final class Exception extends java.lang.Exception {
        private final transient Rejection rejection;

        public Exception(Code code, String reason) {
            super(reason, null, false, false);
            this.rejection = new Rejection(code, reason);
        }

        public Rejection rejection() {
            return rejection;
        }
    }

    public static Exception of(Code code, String reason) {
        return new Exception(code, reason);
    }
}
