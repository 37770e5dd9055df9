package org.osteon.scoring.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Byte-level parser for CSV files whose data lines end in three decimal numbers (x, y, z).
 * It works on a refilled byte buffer and converts digits itself because {@code String.split}
 * and {@code Float.parseFloat} per line cost more than the whole scoring chain.
 *
 * <p>Plain decimals of up to 15 significant digits are converted as mantissa / 10^k in
 * double precision and then narrowed to float, which equals {@code Float.parseFloat} except
 * in vanishingly rare double-rounding cases; anything else (exponents, NaN, longer numbers)
 * falls back to {@code Float.parseFloat}.
 */
final class CsvSampleParser {

    /** Longest line accepted; a longer one is reported rather than silently split. */
    private static final int MAX_LINE = 4096;

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
    };

    private final InputStream in;
    private final long totalBytes;
    private final byte[] buf = new byte[1 << 20];
    private int pos;
    private int limit;
    private boolean eof;
    private long consumedBefore;
    private long line;

    CsvSampleParser(InputStream in, long totalBytes) {
        this.in = in;
        this.totalBytes = totalBytes;
    }

    /** The next line as text (for headers), without its line end, or null at the end. */
    String readLine() throws IOException {
        ensureLine();
        if (pos >= limit) {
            return null;
        }
        int end = pos;
        while (end < limit && buf[end] != '\n') {
            end++;
        }
        int textEnd = end > pos && buf[end - 1] == '\r' ? end - 1 : end;
        String text = new String(buf, pos, textEnd - pos, StandardCharsets.UTF_8);
        pos = Math.min(end + 1, limit);
        line++;
        return text;
    }

    /** The next line's first byte without consuming it, or -1 at the end. */
    int peek() throws IOException {
        ensureLine();
        return pos < limit ? buf[pos] : -1;
    }

    /** Number of comma-separated fields in the next line, without consuming it; 0 at the end. */
    int fieldsInNextLine() throws IOException {
        ensureLine();
        if (pos >= limit) {
            return 0;
        }
        int fields = 1;
        for (int p = pos; p < limit && buf[p] != '\n'; p++) {
            if (buf[p] == ',') {
                fields++;
            }
        }
        return fields;
    }

    /** One-based number of the last line consumed, for error messages. */
    long lineNumber() {
        return line;
    }

    double progress() {
        return totalBytes <= 0 ? 0 : Math.min(1.0, (double) (consumedBefore + pos) / totalBytes);
    }

    /**
     * Parses up to {@code len} data lines into the arrays, skipping {@code skipFields}
     * leading fields of each line and anything after the third number. Blank lines are
     * ignored.
     *
     * @return samples parsed, or -1 when the input is exhausted
     */
    int readSamples(float[] x, float[] y, float[] z, int off, int len, int skipFields) throws IOException {
        int n = 0;
        while (n < len) {
            ensureLine();
            if (pos >= limit) {
                break;
            }
            byte first = buf[pos];
            if (first == '\n' || first == '\r') {
                skipLine();
                continue;
            }
            line++;
            for (int f = 0; f < skipFields; f++) {
                skipField();
            }
            x[off + n] = number(1 + skipFields);
            expectComma(2 + skipFields);
            y[off + n] = number(2 + skipFields);
            expectComma(3 + skipFields);
            z[off + n] = number(3 + skipFields);
            skipLine();
            n++;
        }
        return n == 0 && len > 0 ? -1 : n;
    }

    private float number(int column) throws IOException {
        int p = pos;
        int start = p;
        boolean negative = false;
        if (p < limit && (buf[p] == '-' || buf[p] == '+')) {
            negative = buf[p] == '-';
            p++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = 0;
        while (p < limit && buf[p] >= '0' && buf[p] <= '9') {
            mantissa = mantissa * 10 + (buf[p++] - '0');
            digits++;
        }
        if (p < limit && buf[p] == '.') {
            p++;
            while (p < limit && buf[p] >= '0' && buf[p] <= '9') {
                mantissa = mantissa * 10 + (buf[p++] - '0');
                digits++;
                scale++;
            }
        }
        if (digits == 0 || digits > 15 || !endsField(p)) {
            return slowNumber(start, column);
        }
        pos = p;
        double v = scale == 0 ? mantissa : mantissa / POW10[scale];
        return (float) (negative ? -v : v);
    }

    private float slowNumber(int start, int column) throws IOException {
        int end = start;
        while (!endsField(end)) {
            end++;
        }
        String text = new String(buf, start, end - start, StandardCharsets.US_ASCII).trim();
        try {
            float v = Float.parseFloat(text);
            pos = end;
            return v;
        } catch (NumberFormatException e) {
            throw new IOException("line " + line + ", column " + column + ": '" + text + "' is not a number");
        }
    }

    private boolean endsField(int p) {
        return p >= limit || buf[p] == ',' || buf[p] == '\n' || buf[p] == '\r';
    }

    private void expectComma(int column) throws IOException {
        if (pos >= limit || buf[pos] != ',') {
            throw new IOException("line " + line + ": expected 3 numbers (x, y, z), column " + column + " is missing");
        }
        pos++;
    }

    private void skipField() throws IOException {
        while (pos < limit && buf[pos] != ',' && buf[pos] != '\n') {
            pos++;
        }
        expectComma(1);
    }

    private void skipLine() {
        while (pos < limit && buf[pos] != '\n') {
            pos++;
        }
        if (pos < limit) {
            pos++;
        }
    }

    /** Makes sure the buffer holds a whole line from {@code pos}, or everything that is left. */
    private void ensureLine() throws IOException {
        if (limit - pos >= MAX_LINE || eof) {
            return;
        }
        for (int p = pos; p < limit; p++) {
            if (buf[p] == '\n') {
                return;
            }
        }
        int remaining = limit - pos;
        System.arraycopy(buf, pos, buf, 0, remaining);
        consumedBefore += pos;
        pos = 0;
        limit = remaining;
        while (limit < buf.length) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
                break;
            }
            limit += r;
        }
        if (!eof && limit - pos >= MAX_LINE && indexOfNewline() < 0) {
            throw new IOException("line " + (line + 1) + " is longer than " + MAX_LINE + " bytes");
        }
    }

    private int indexOfNewline() {
        for (int p = pos; p < limit; p++) {
            if (buf[p] == '\n') {
                return p;
            }
        }
        return -1;
    }
}
