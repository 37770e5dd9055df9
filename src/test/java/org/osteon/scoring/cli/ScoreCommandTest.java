package org.osteon.scoring.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osteon.scoring.EvalData;

class ScoreCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void scoresTheAgreadExportIntoTheDocumentedColumns() throws IOException {
        Path file = EvalData.copyTo("agread/exampleRAW.csv", dir);

        int status = run(
                "score",
                file.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--epoch",
                "1",
                "--counts-filter",
                "lfe",
                "--placement",
                "waist");

        assertEquals(0, status, err.toString());
        List<String> rows = Files.readAllLines(dir.resolve("out/exampleRAW.epochs.csv"));
        assertEquals(EpochCsvWriter.HEADER, rows.get(0));
        assertEquals(181, rows.size());
        assertTrue(rows.get(1).startsWith("2019-02-14T08:58:00,"), rows.get(1));
        assertTrue(rows.get(180).startsWith("2019-02-14T09:00:59,"), rows.get(180));
        for (String row : rows.subList(1, rows.size())) {
            assertEquals(12, row.split(",", -1).length, row);
        }
        assertCountsEqual(EvalData.intColumns("agread/example1sec.csv", 11, 2, 3, 4), rows);
        String json = Files.readString(dir.resolve("out/exampleRAW.days.json"));
        assertTrue(json.contains("\"date\": \"2019-02-14\""), json);
        assertTrue(json.contains("\"counts_filter\": \"lfe\""), json);
        assertTrue(json.contains("\"placement\": \"waist\""), json);
    }

    @Test
    void gt3xEpochCountsEqualActiLifeAndCarryTheDeviceOffsetAndFileMeanEnmo() throws IOException {
        Path file = EvalData.copyTo("bhelsel-agcounts/example.gt3x", dir);

        int status = run("score", file.toString(), "--out", dir.toString());

        assertEquals(0, status, err.toString());
        List<String> rows = Files.readAllLines(dir.resolve("example.epochs.csv"));
        assertEquals(37, rows.size());
        assertTrue(rows.get(1).startsWith("2023-06-13T08:34:00-05:00,"), rows.get(1));
        assertCountsEqual(EvalData.intColumns("bhelsel-agcounts/example5sec_counts_DERIVED.csv", 1, 1, 2, 3), rows);
        double enmoSum = 0;
        for (String row : rows.subList(1, rows.size())) {
            enmoSum += Double.parseDouble(row.split(",")[1]);
        }
        // 137.16 mg: mean ENMO over the whole file, computed independently (eval-data README).
        assertEquals(137.16, enmoSum / 36, 0.01);
    }

    @Test
    void theDayCsvBesideTheJsonHoldsEachDaysNumbersAndItsStepsAreTheEpochsSteps() throws IOException {
        Path file = EvalData.copyTo("bhelsel-agcounts/example.gt3x", dir);

        assertEquals(0, run("score", file.toString(), "--out", dir.toString()), err.toString());

        assertTrue(out.toString().contains("example.days.csv"), out.toString());
        List<String> days = Files.readAllLines(dir.resolve("example.days.csv"));
        assertEquals(2, days.size(), String.join("\n", days));
        List<String> header = List.of(days.get(0).split(","));
        String[] day = days.get(1).split(",", -1);
        assertEquals(header.size(), day.length, days.get(1));
        assertEquals("2023-06-13", day[0]);
        assertTrue(header.containsAll(List.of("mvpa_bout_10_min", "impacts_high", "osteogenic_index")), days.get(0));
        List<String> epochs = Files.readAllLines(dir.resolve("example.epochs.csv"));
        int stepsColumn = List.of(epochs.get(0).split(",")).indexOf("steps");
        int epochSteps = 0;
        for (String row : epochs.subList(1, epochs.size())) {
            epochSteps += Integer.parseInt(row.split(",", -1)[stepsColumn]);
        }
        assertTrue(epochSteps > 0, "the wrist recording walks");
        assertEquals(epochSteps, Integer.parseInt(day[header.indexOf("steps")]));
        String json = Files.readString(dir.resolve("example.days.json"));
        assertTrue(json.contains("\"steps\": " + epochSteps), json);
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        assertEquals(0, run("score", "--help"));
        assertTrue(out.toString().contains("usage: score FILE --out DIR"), out.toString());
    }

    @Test
    void rateWithoutCountsLeavesCountsColumnsEmptyAndSaysWhy() throws IOException {
        StringBuilder csv = new StringBuilder("time,x,y,z\n");
        for (int i = 0; i < 25 * 20; i++) {
            csv.append(1_767_600_000_000L + i * 40L)
                    .append(",0.1,")
                    .append(i % 7 * 0.1)
                    .append(",1.0\n");
        }
        Path file = dir.resolve("slow.csv");
        Files.writeString(file, csv);

        int status = run("score", file.toString(), "--out", dir.toString());

        assertEquals(0, status, err.toString());
        assertTrue(err.toString().contains("25-Hz"), err.toString());
        List<String> rows = Files.readAllLines(dir.resolve("slow.epochs.csv"));
        assertEquals(5, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split(",", -1);
            assertEquals(List.of("", "", "", ""), List.of(cells[3], cells[4], cells[5], cells[6]), row);
            assertTrue(Double.parseDouble(cells[1]) > 0, row);
        }
    }

    @Test
    void badArgumentsAreNamedAndExitWithStatusTwo() {
        assertEquals(2, run("score", "f.csv", "--out", "d", "--epoch", "7"));
        assertTrue(err.toString().contains("--epoch"), err.toString());
        assertEquals(2, run("score", "f.csv", "--out", "d", "--counts-filter", "strong"));
        assertTrue(err.toString().contains("--counts-filter must be 'normal' or 'lfe', got 'strong'"), err.toString());
        assertEquals(2, run("score", "f.csv", "--out", "d", "--placement", "head"));
        assertTrue(err.toString().contains("--placement"), err.toString());
        assertEquals(2, run("score", "f.csv"));
        assertTrue(err.toString().contains("--out DIR is missing"), err.toString());
        assertEquals(2, run("score", "f.csv", "--out", "d", "--speed", "3"));
        assertTrue(err.toString().contains("unknown option '--speed'"), err.toString());
        assertEquals(2, run("grade", "f.csv"));
    }

    @Test
    void missingInputFileExitsWithStatusOneNamingIt() {
        assertEquals(1, run("score", dir.resolve("absent.gt3x").toString(), "--out", dir.toString()));
        assertTrue(err.toString().contains("absent.gt3x"), err.toString());
    }

    /** Axis1..Axis3 of every epoch row equal the reference, epoch by epoch. */
    private static void assertCountsEqual(int[][] reference, List<String> rows) {
        assertEquals(reference[0].length, rows.size() - 1);
        for (int i = 0; i < reference[0].length; i++) {
            String[] cells = rows.get(i + 1).split(",");
            for (int axis = 0; axis < 3; axis++) {
                assertEquals(
                        reference[axis][i],
                        Integer.parseInt(cells[3 + axis]),
                        "Axis" + (axis + 1) + " of epoch " + i + ": " + rows.get(i + 1));
            }
        }
    }

    private int run(String... args) {
        return ScoreCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
