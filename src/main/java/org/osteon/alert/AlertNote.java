package org.osteon.alert;

import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.osteon.common.ApiException;
import org.osteon.common.InvalidTextException;
import org.osteon.common.Text;

/**
 * The optional body of an acknowledgement: what the physiotherapist did or will do about the alert.
 * Clinical free text, so it is stored and answered but never logged. Checked here, for the API's
 * JSON body and the console's form alike: printable text with line breaks and tabs allowed, at most
 * {@value #MAX_CHARS} characters (counted as PostgreSQL counts them, by code point; the column
 * has the same bound).
 */
public record AlertNote(
        @Schema(
                description =
                        "optional; printable text, line breaks and tabs allowed, at most " + MAX_CHARS + " characters",
                maxLength = MAX_CHARS,
                nullable = true)
        String note) {
    /** A few paragraphs: enough to say what was done, short enough to read in a list of alerts. */
    public static final int MAX_CHARS = 1000;

    /** The note to store: empty for none (absent or blank); a 400 naming {@code note} when it breaks a rule. */
    public Optional<String> checked() {
        if (note == null || note.isBlank()) {
            return Optional.empty();
        }
        Optional<String> bad = Text.problem(note, true);
        if (bad.isPresent()) {
            throw ApiException.badField("note", new InvalidTextException(bad.get(), true).getMessage());
        }
        int length = note.codePointCount(0, note.length());
        if (length > MAX_CHARS) {
            throw ApiException.badField("note", "must be at most " + MAX_CHARS + " characters; this one has " + length);
        }
        return Optional.of(note.strip());
    }
}
