package org.osteon.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time from /proc (Linux), in clock ticks of 10 ms: of the service, of the broker, of the
 * PostgreSQL backends serving the benchmark's database (the server's shared processes, such as
 * the WAL writer, are not counted), of this JVM (the publisher and the probes), and of the whole
 * machine.
 */
record CpuTimes(long service, long broker, long postgres, long bench, long machineBusy, long machineTotal) {
    /** Linux's USER_HZ on every architecture it runs Osteon on. */
    static final double TICKS_PER_SECOND = 100;

    static CpuTimes read(long servicePid, long brokerPid, String database) {
        long[] machine = machine();
        return new CpuTimes(
                process(servicePid),
                process(brokerPid),
                postgresTicks(database),
                process(ProcessHandle.current().pid()),
                machine[0],
                machine[1]);
    }

    /** Cores used on average between {@code before} and this, per part. */
    String coresSince(CpuTimes before, double seconds) {
        double s = seconds * TICKS_PER_SECOND;
        return String.format(
                java.util.Locale.ROOT,
                "service %.2f, broker %.2f, PostgreSQL %.2f, publisher+probes %.2f," + " machine %.2f of %d",
                (service - before.service) / s,
                (broker - before.broker) / s,
                (postgres - before.postgres) / s,
                (bench - before.bench) / s,
                (machineBusy - before.machineBusy) / s,
                Runtime.getRuntime().availableProcessors());
    }

    double serviceCores(CpuTimes before, double seconds) {
        return (service - before.service) / (seconds * TICKS_PER_SECOND);
    }

    /** utime + stime of a process, 0 once it is gone. */
    static long process(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long postgresTicks(String database) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return Files.readString(p.resolve("comm")).strip().equals("postgres")
                                    && Files.readString(p.resolve("cmdline")).contains(" " + database + " ");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .mapToLong(p -> process(Long.parseLong(p.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Busy and total ticks of all cores (idle and iowait are not busy). */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    /** The first process started by this JVM whose command line contains {@code marker}, or -1. */
    static long child(String marker) {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(marker))
                .mapToLong(ProcessHandle::pid)
                .findFirst()
                .orElse(-1);
    }
}
