package org.osteon.common;

import java.util.Optional;

/**
 * Text from a device or a request, checked before it reaches PostgreSQL, a log or an answer.
 * PostgreSQL refuses NUL outright (and a refused write, retried, once stalled every device's
 * ingest); other control characters, unpaired surrogates and non-characters garble logs and
 * receipts and are never needed in an id, a name or a note.
 */
public final class Text {
    private Text() {}

    /**
     * What is wrong with {@code s} as text, e.g. "holds U+0000 at position 3", or empty when it is
     * printable Unicode. Tab, line feed and carriage return pass where {@code lineBreaks} allows them
     * (a reason or a note may have lines).
     */
    public static Optional<String> problem(String s, boolean lineBreaks) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (lineBreaks && (c == '\t' || c == '\n' || c == '\r')) {
                continue;
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                return Optional.of(String.format("holds U+%04X at position %d", (int) c, i));
            }
        }
        return Optional.empty();
    }

    /**
     * {@code s} made safe to log or store: what {@link #problem} finds becomes {@code \\uXXXX},
     * and the result is cut to {@code maxChars} with its original length said, so a hostile value
     * can neither break a write nor grow a row.
     */
    public static String printable(String s, int maxChars) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), maxChars) + 24);
        int i = 0;
        for (; i < s.length() && b.length() < maxChars; i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(ch).append(s.charAt(++i));
            } else if (Character.isISOControl(ch) || Character.isSurrogate(ch) || ch == '\uFFFE' || ch == '\uFFFF') {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        if (i < s.length()) {
            b.append("… (").append(s.length()).append(" characters)");
        }
        return b.toString();
    }
}
