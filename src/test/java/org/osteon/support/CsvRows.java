package org.osteon.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CSV as RFC 4180 defines it, strictly: rows end in CRLF, a quoted field may hold commas,
 * doubled quotes and line breaks, and anything else (a bare LF, a quote inside an unquoted field)
 * fails, so that a test reading an answer with it also checks the answer's syntax.
 */
public final class CsvRows {
    private CsvRows() {}

    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.isEmpty()) {
                i++;
                while (true) {
                    if (i >= text.length()) {
                        throw new IllegalArgumentException("unterminated quoted field in row " + (rows.size() + 1));
                    }
                    char q = text.charAt(i++);
                    if (q == '"') {
                        if (i < text.length() && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(q);
                    }
                }
                if (i < text.length() && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after a closing quote in row " + (rows.size() + 1));
                }
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("CR without LF in row " + (rows.size() + 1));
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
            } else if (c == '\n' || c == '"') {
                throw new IllegalArgumentException(
                        "bare " + (c == '\n' ? "LF" : "quote") + " in row " + (rows.size() + 1));
            } else {
                field.append(c);
                i++;
            }
        }
        if (!row.isEmpty() || !field.isEmpty()) {
            throw new IllegalArgumentException("the last row does not end in CRLF");
        }
        for (List<String> r : rows) {
            if (r.size() != rows.get(0).size()) {
                throw new IllegalArgumentException("row " + r + " has " + r.size() + " fields, the header "
                        + rows.get(0).size());
            }
        }
        return rows;
    }

    /** The rows after the header, each as column name → field. */
    public static List<Map<String, String>> records(String text) {
        List<List<String>> rows = parse(text);
        List<Map<String, String>> records = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int c = 0; c < r.size(); c++) {
                m.put(rows.get(0).get(c), r.get(c));
            }
            records.add(m);
        }
        return records;
    }
}
