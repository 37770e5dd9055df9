package org.osteon.common;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as RFC 4180 CSV, for spreadsheets, R and pandas: a header row, commas, CRLF after every
 * row, and a field quoted (quotes doubled) when it holds a comma, a quote or a line break. Numbers
 * are written with '.' whatever the locale and never in exponent form; an empty field is a null.
 * Text that a spreadsheet would take for a formula is defused ({@link #defused}).
 */
public final class Csv {
    /** What a CSV answer is served as. */
    public static final String MEDIA_TYPE = "text/csv";

    public static final MediaType MEDIA_TYPE_UTF8 = new MediaType("text", "csv", StandardCharsets.UTF_8.name());

    private final StringBuilder out = new StringBuilder();
    private final int columns;
    private List<Object> row;

    public Csv(String... header) {
        this(List.of(header));
    }

    public Csv(List<String> header) {
        columns = header.size();
        header.forEach(this::add);
        end();
    }

    /** Starts a row, or adds a field to the row begun. */
    public Csv add(Object value) {
        if (row == null) {
            row = new ArrayList<>(columns);
        }
        row.add(value);
        return this;
    }

    /** Ends the current row. */
    public Csv end() {
        List<Object> fields = row == null ? List.of() : row;
        if (fields.size() != columns) {
            throw new IllegalStateException(
                    "a row of " + fields.size() + " fields in a table of " + columns + " columns");
        }
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(fields.get(i)));
        }
        out.append("\r\n");
        row = null;
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    public byte[] bytes() {
        return toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One field as it is written: numbers in plain decimal notation, text quoted where RFC 4180 requires it. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String s;
        if (value instanceof Double d) {
            s = Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : "";
        } else if (value instanceof Number) {
            s = value.toString();
        } else {
            s = defused(value.toString());
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /**
     * Text as a spreadsheet cannot run it: a field that starts with {@code = + - @}, a tab or a
     * carriage return is a formula to Excel, LibreOffice and Google Sheets (CSV injection), so it
     * gets a leading apostrophe, which they show as text. Text that is a plain number (a negative
     * one, say) is left as it is, so that it still reads as a number.
     */
    static String defused(String s) {
        if (s.isEmpty()
                || "=+-@\t\r".indexOf(s.charAt(0)) < 0
                || PLAIN_NUMBER.matcher(s).matches()) {
            return s;
        }
        return "'" + s;
    }

    private static final java.util.regex.Pattern PLAIN_NUMBER =
            java.util.regex.Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    /**
     * Whether the client prefers CSV to JSON: the first of its acceptable types (by quality, then
     * specificity) that either answers decides, so that a missing Accept or {@code *}/{@code *} keeps JSON.
     */
    public static boolean wanted(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MEDIA_TYPE_UTF8)) {
                return true;
            }
        }
        return false;
    }

    /** A CSV answer to save as {@code filename}. */
    public static Response download(Csv table, String filename) {
        return Response.ok(table.toString(), MEDIA_TYPE_UTF8)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .build();
    }
}
