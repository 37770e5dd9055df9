package org.osteon.scoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Access to the reference recordings under {@code src/test/resources/eval} (see the README
 * and LICENSE files there), read with deliberately simple code so that the tests do not
 * share a parser with the code under test.
 */
public final class EvalData {

    private EvalData() {}

    /** The resource's lines. */
    public static List<String> lines(String resource) {
        try (InputStream in = open(resource);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the resource into {@code dir} so that code reading files can be tested on it. */
    public static Path copyTo(String resource, Path dir) {
        Path target = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (InputStream in = open(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads columns of a CSV as float arrays, skipping {@code headerLines}.
     *
     * @return one array per requested column
     */
    public static float[][] floatColumns(String resource, int headerLines, int... columns) {
        List<String> lines = lines(resource);
        int n = lines.size() - headerLines;
        float[][] out = new float[columns.length][n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + headerLines).split(",");
            for (int c = 0; c < columns.length; c++) {
                out[c][i] = Float.parseFloat(cells[columns[c]].trim());
            }
        }
        return out;
    }

    /** Reads columns of a CSV as ints, skipping {@code headerLines}; one array per column. */
    public static int[][] intColumns(String resource, int headerLines, int... columns) {
        List<String> lines = lines(resource);
        int n = lines.size() - headerLines;
        int[][] out = new int[columns.length][n];
        for (int i = 0; i < n; i++) {
            String[] cells = lines.get(i + headerLines).split(",");
            for (int c = 0; c < columns.length; c++) {
                out[c][i] = Integer.parseInt(cells[columns[c]].trim());
            }
        }
        return out;
    }

    private static InputStream open(String resource) {
        InputStream in = EvalData.class.getResourceAsStream("/eval/" + resource);
        if (in == null) {
            throw new IllegalStateException("missing test resource eval/" + resource);
        }
        return in;
    }
}
