package org.osteon.scoring.cli;

import static java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME;
import static java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osteon.scoring.counts.ActiGraphCounts;
import org.osteon.scoring.io.AccelerometerReader;
import org.osteon.scoring.io.RecordingInfo;
import org.osteon.scoring.pipeline.EpochResult;
import org.osteon.scoring.pipeline.EpochScorer;
import org.osteon.scoring.pipeline.EpochSink;
import org.osteon.scoring.pipeline.ImpactPeak;
import org.osteon.scoring.pipeline.ScoringParams;
import org.osteon.scoring.summary.DaySummarizer;
import org.osteon.scoring.summary.DaySummary;

/** One scoring of one file: read in chunks, score, write the epoch CSV, the day JSON and the day CSV. */
final class ScoreRun {

    /** Samples per read: large enough to amortise calls, small enough to stay in cache. */
    private static final int CHUNK = 1 << 14;

    record Result(long epochs, Path epochCsv, Path dayJson, Path dayCsv) {}

    private final ScoreArguments args;
    private final PrintStream err;

    ScoreRun(ScoreArguments args, PrintStream err) {
        this.args = args;
        this.err = err;
    }

    Result run() throws IOException {
        try (AccelerometerReader reader = AccelerometerReader.open(args.file())) {
            RecordingInfo info = reader.info();
            ZoneOffset zone = info.offset() == null ? ZoneOffset.UTC : info.offset();
            ScoringParams params = ScoringParams.builder(info.sampleRateHz())
                    .epochSeconds(args.epochSeconds())
                    .placement(args.placement())
                    .countsFilter(args.countsFilter())
                    .build();
            boolean counts = ActiGraphCounts.supportsRate(info.sampleRateHz());
            if (!counts) {
                err.println("score: ActiGraph counts are defined for 30 to 100 Hz in 10-Hz steps only; "
                        + "axis1, axis2, axis3 and vm are left empty for this " + info.sampleRateHz() + "-Hz file");
            }
            Files.createDirectories(args.outDir());
            String stem = stem(args.file());
            Path csv = args.outDir().resolve(stem + ".epochs.csv");
            Path json = args.outDir().resolve(stem + ".days.json");
            Path dayCsv = args.outDir().resolve(stem + ".days.csv");
            DaySummarizer days = new DaySummarizer(params, zone);
            long epochs;
            try (EpochCsvWriter writer = new EpochCsvWriter(csv, info.offset(), counts)) {
                epochs = score(
                        reader,
                        new EpochScorer(params, info.start().toInstant(zone).toEpochMilli()),
                        writer,
                        days);
            }
            List<DaySummary> summaries = days.finish();
            Files.writeString(
                    json, DaySummaryJson.render(recording(info), summaries, days.circadian()), StandardCharsets.UTF_8);
            Files.writeString(dayCsv, DaySummaryCsv.render(summaries), StandardCharsets.UTF_8);
            return new Result(epochs, csv, json, dayCsv);
        }
    }

    private long score(AccelerometerReader reader, EpochScorer scorer, EpochCsvWriter writer, DaySummarizer days)
            throws IOException {
        long[] epochs = new long[1];
        EpochSink sink = new EpochSink() {
            @Override
            public void epoch(EpochResult epoch) {
                try {
                    writer.write(epoch);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                days.epoch(epoch);
                epochs[0]++;
            }

            @Override
            public void peak(ImpactPeak peak) {
                days.peak(peak);
            }
        };
        float[] x = new float[CHUNK];
        float[] y = new float[CHUNK];
        float[] z = new float[CHUNK];
        ProgressBar progress = new ProgressBar(err, "scoring " + args.file().getFileName());
        for (int n = reader.read(x, y, z, 0, CHUNK); n >= 0; n = reader.read(x, y, z, 0, CHUNK)) {
            scorer.accept(x, y, z, 0, n, sink);
            progress.update(reader.progress());
        }
        scorer.finish(sink);
        progress.finish();
        return epochs[0];
    }

    private Map<String, Object> recording(RecordingInfo info) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", args.file().getFileName().toString());
        r.put("device", info.device());
        r.put(
                "start",
                info.offset() == null
                        ? ISO_LOCAL_DATE_TIME.format(info.start())
                        : ISO_OFFSET_DATE_TIME.format(info.start().atOffset(info.offset())));
        r.put("sample_rate_hz", info.sampleRateHz());
        r.put("epoch_seconds", args.epochSeconds());
        r.put("placement", args.placement().name().toLowerCase(Locale.ROOT));
        r.put("counts_filter", args.countsFilter().name().toLowerCase(Locale.ROOT));
        return r;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
