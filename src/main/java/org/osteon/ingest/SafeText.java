package org.osteon.ingest;

/**
 * Text that came from a device, made safe to log or store: control characters, unpaired
 * surrogates and non-characters become {@code \\uXXXX} (PostgreSQL refuses NUL outright, and the
 * others garble a log line), and the result is cut to a bound with its original length said,
 * so a hostile value can neither break a write nor grow a row.
 */
final class SafeText {
    private SafeText() {}

    static String of(String s, int maxChars) {
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
