package org.osteon.scoring.cli;

import java.nio.file.Path;
import org.osteon.scoring.Placement;
import org.osteon.scoring.counts.CountsFilter;

/**
 * Parsed arguments of {@code score FILE --out DIR [--epoch 5] [--counts-filter normal|lfe]
 * [--placement wrist|hip|waist|lower_back|ankle|thigh|insole]}. Every error names the
 * argument at fault so that a user can fix the command line without reading code.
 */
record ScoreArguments(Path file, Path outDir, int epochSeconds, CountsFilter countsFilter, Placement placement) {

    static final String USAGE = "usage: score FILE --out DIR [--epoch 5] [--counts-filter normal|lfe]"
            + " [--placement wrist|hip|waist|lower_back|ankle|thigh|insole]";

    /** @throws IllegalArgumentException with a message naming the bad argument */
    static ScoreArguments parse(String[] args) {
        if (args.length == 0 || !args[0].equals("score")) {
            throw new IllegalArgumentException("the first argument must be the command 'score'");
        }
        Path file = null;
        Path out = null;
        int epoch = 5;
        CountsFilter filter = CountsFilter.NORMAL;
        Placement placement = Placement.WRIST;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--out" -> out = Path.of(value(args, i++));
                case "--epoch" -> epoch = epoch(value(args, i++));
                case "--counts-filter" -> filter = countsFilter(value(args, i++));
                case "--placement" -> placement = placement(value(args, i++));
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + a + "'");
                    }
                    if (file != null) {
                        throw new IllegalArgumentException(
                                "only one FILE may be given, got '" + file + "' and '" + a + "'");
                    }
                    file = Path.of(a);
                }
            }
        }
        if (file == null) {
            throw new IllegalArgumentException("FILE is missing");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out DIR is missing");
        }
        return new ScoreArguments(file, out, epoch, filter, placement);
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    /** The scorer's epochs tile the minute, so the epoch length must divide 60. */
    private static int epoch(String text) {
        try {
            int seconds = Integer.parseInt(text);
            if (seconds >= 1 && 60 % seconds == 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted values
        }
        throw new IllegalArgumentException("--epoch must be whole seconds dividing 60"
                + " (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30 or 60), got '" + text + "'");
    }

    private static CountsFilter countsFilter(String text) {
        for (CountsFilter f : CountsFilter.values()) {
            if (f.name().equalsIgnoreCase(text)) {
                return f;
            }
        }
        throw new IllegalArgumentException("--counts-filter must be 'normal' or 'lfe', got '" + text + "'");
    }

    private static Placement placement(String text) {
        for (Placement p : Placement.values()) {
            if (p.name().equalsIgnoreCase(text)) {
                return p;
            }
        }
        throw new IllegalArgumentException("--placement must be one of"
                + " wrist, hip, waist, lower_back, ankle, thigh, insole, got '" + text + "'");
    }
}
