package org.osteon.scoring.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Research command line for the scoring core:
 * {@code score FILE --out DIR [--epoch 5] [--counts-filter normal|lfe]
 * [--placement wrist|hip|waist|lower_back|ankle|thigh|insole]}.
 *
 * <p>FILE is an ActiGraph {@code .gt3x}, an ActiLife raw CSV export or the project's
 * {@code time,x,y,z} CSV. Writes {@code DIR/<name>.epochs.csv} and
 * {@code DIR/<name>.days.json} with {@code DIR/<name>.days.csv} beside it. {@code --help} prints the
 * usage and exits 0. Exit status 0 on success, 1 when the input cannot be read or
 * scored, 2 for a bad command line. It has no dependencies beyond the JDK, so it runs as
 * {@code java -cp target/classes org.osteon.scoring.cli.ScoreCommand score …}.
 */
public final class ScoreCommand {

    private ScoreCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns the exit status instead of exiting, for tests. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> given = List.of(args);
        if (given.contains("--help") || given.contains("-h")) {
            out.println(ScoreArguments.USAGE);
            return 0;
        }
        ScoreArguments arguments;
        try {
            arguments = ScoreArguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("score: " + e.getMessage());
            err.println(ScoreArguments.USAGE);
            return 2;
        }
        try {
            ScoreRun.Result result = new ScoreRun(arguments, err).run();
            out.println("scored " + result.epochs() + " epochs of " + arguments.file());
            out.println("wrote " + result.epochCsv());
            out.println("wrote " + result.dayJson());
            out.println("wrote " + result.dayCsv());
            return 0;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("score: " + arguments.file() + ": " + e.getMessage());
            return 1;
        }
    }
}
