package org.osteon.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Parsed arguments of {@link SimulatorCommand}; every error names the argument at fault.
 *
 * @param broker MQTT broker URI
 * @param service base URL of Osteon's REST API, for registration
 * @param token bearer token for the REST API, or {@code null}
 * @param register whether to register a patient per device first (else the ids must exist)
 * @param prefix device ids are {@code prefix-0}, {@code prefix-1}, …
 * @param devices number of simulated wearables
 * @param seed seed of every plan and signal
 * @param speed simulated seconds per second; 0 for as fast as possible
 * @param length how much time to simulate
 * @param rateHz sample rate
 * @param format accelerometer payload format
 * @param connections MQTT connections shared by the devices
 * @param out folder for the ground truth
 * @param historyDays whole UTC days before today (and today until now) synced at once before the live part; 0 for none
 * @param opening whether the live part starts with {@link DayPlanner#opening}
 * @param habits each device's habit, by index (repeated when shorter than the devices)
 * @param programs program templates prescribed to the registered patients, by index (repeated); none when empty
 * @param silent patients registered with a device that never syncs
 * @param patientKeys folder of the service's local signing key, with which each registered
 *     patient's app answers their questionnaires ({@link MoodDiary}); null for no answers
 * @param fidgeting whether the desk wrist moves as an awake wearer's does, so that sitting is not
 *     taken for sleep ({@link SimulationOptions#fidgeting()})
 */
record SimulatorArguments(
        URI broker,
        URI service,
        String token,
        boolean register,
        String prefix,
        int devices,
        long seed,
        double speed,
        Duration length,
        int rateHz,
        PayloadFormat format,
        int connections,
        Path out,
        int historyDays,
        boolean opening,
        List<DayPlanner.Habit> habits,
        List<String> programs,
        int silent,
        Path patientKeys,
        boolean fidgeting) {

    /**
     * Longest history: whole days before today, from midnight UTC, so that it stays within the
     * 28 days before its registration from which a registration may accept recordings.
     */
    static final int MAX_HISTORY_DAYS = 27;

    static final String USAGE = """
            usage: SimulatorCommand [--broker tcp://127.0.0.1:1883] [--service http://localhost:8080]
                [--token JWT] [--no-register] [--prefix sim-XXXX] [--devices 3] [--seed 1]
                [--speed 1|60|max] [--days 1 | --minutes M] [--rate 50] [--format json|binary]
                [--connections N] [--out sim-truth] [--history-days 0..27] [--opening]
                [--habits steady,fading,overdoing] [--programs TEMPLATE,...] [--silent N]
                [--patient-keys DIR] [--fidgeting]""";

    static SimulatorArguments parse(String[] args, Clock clock) {
        URI broker = URI.create(System.getenv().getOrDefault("OSTEON_MQTT_URI", "tcp://127.0.0.1:1883"));
        URI service = URI.create("http://localhost:8080");
        String token = null;
        boolean register = true;
        String prefix = "sim-" + Long.toString(clock.instant().getEpochSecond(), 36);
        int devices = 3;
        long seed = 1;
        double speed = 1;
        Duration length = Duration.ofDays(1);
        int rate = 50;
        PayloadFormat format = PayloadFormat.JSON;
        Integer connections = null;
        Path out = Path.of("sim-truth");
        int historyDays = 0;
        boolean opening = false;
        List<DayPlanner.Habit> habits = List.of(DayPlanner.Habit.STEADY);
        List<String> programs = List.of();
        int silent = 0;
        Path patientKeys = null;
        boolean fidgeting = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--broker" -> broker = URI.create(value(args, i++));
                case "--service" -> service = URI.create(value(args, i++));
                case "--token" -> token = value(args, i++);
                case "--no-register" -> register = false;
                case "--prefix" -> prefix = value(args, i++);
                case "--devices" -> devices = positive(a, value(args, i++));
                case "--seed" -> seed = number(a, value(args, i++));
                case "--speed" -> speed = speed(value(args, i++));
                case "--days" -> length = Duration.ofDays(positive(a, value(args, i++)));
                case "--minutes" -> length = Duration.ofMinutes(positive(a, value(args, i++)));
                case "--rate" -> rate = positive(a, value(args, i++));
                case "--format" -> format = format(value(args, i++));
                case "--connections" -> connections = positive(a, value(args, i++));
                case "--out" -> out = Path.of(value(args, i++));
                case "--history-days" -> historyDays = upTo(a, value(args, i++), MAX_HISTORY_DAYS);
                case "--opening" -> opening = true;
                case "--habits" -> habits = habits(value(args, i++));
                case "--programs" -> programs = List.of(value(args, i++).split(","));
                case "--silent" -> silent = upTo(a, value(args, i++), 100);
                case "--patient-keys" -> patientKeys = Path.of(value(args, i++));
                case "--fidgeting" -> fidgeting = true;
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        // A hundred devices a connection keeps a thousand devices on ten clients.
        int pool = connections != null ? connections : (devices + 99) / 100;
        if (!register && (silent > 0 || !programs.isEmpty())) {
            throw new IllegalArgumentException("--silent and --programs need registration; leave out --no-register");
        }
        if (!register && patientKeys != null) {
            throw new IllegalArgumentException(
                    "--patient-keys answers for registered patients; leave out --no-register");
        }
        return new SimulatorArguments(
                broker,
                service,
                token,
                register,
                prefix,
                devices,
                seed,
                speed,
                length,
                rate,
                format,
                pool,
                out,
                historyDays,
                opening,
                habits,
                programs,
                silent,
                patientKeys,
                fidgeting);
    }

    SimulationOptions options() {
        return new SimulationOptions(
                broker.toString(),
                rateHz,
                format,
                16,
                speed,
                connections,
                Duration.ofSeconds(30),
                Duration.ofMinutes(2),
                out,
                fidgeting);
    }

    private static String value(String[] args, int i) {
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new IllegalArgumentException(args[i] + " needs a value");
        }
        return args[i + 1];
    }

    private static long number(String option, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was '" + v + "'");
        }
    }

    private static int positive(String option, String v) {
        long n = number(option, v);
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(option + " must be at least 1, was " + v);
        }
        return (int) n;
    }

    private static int upTo(String option, String v, int max) {
        long n = number(option, v);
        if (n < 0 || n > max) {
            throw new IllegalArgumentException(option + " must be a whole number from 0 to " + max + ", was " + v);
        }
        return (int) n;
    }

    private static List<DayPlanner.Habit> habits(String v) {
        List<DayPlanner.Habit> out = new java.util.ArrayList<>();
        for (String h : v.split(",")) {
            try {
                out.add(DayPlanner.Habit.valueOf(h.trim().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "--habits must be a comma-separated list of steady, fading or " + "overdoing, was '" + v + "'");
            }
        }
        return List.copyOf(out);
    }

    DayPlanner.Habit habit(int device) {
        return habits.get(device % habits.size());
    }

    private static double speed(String v) {
        if (v.equals("max")) {
            return 0;
        }
        try {
            double s = Double.parseDouble(v);
            if (s > 0) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed values
        }
        throw new IllegalArgumentException("--speed must be a number > 0 or 'max', was '" + v + "'");
    }

    private static PayloadFormat format(String v) {
        return switch (v) {
            case "json" -> PayloadFormat.JSON;
            case "binary" -> PayloadFormat.BINARY;
            default -> throw new IllegalArgumentException("--format must be json or binary, was '" + v + "'");
        };
    }
}
