package org.osteon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The entry point a newcomer types first: every subcommand explains itself and starts nothing. */
class OsteonScriptTest {

    @ParameterizedTest
    @CsvSource({
        "'', Osteon's entry point",
        "run, usage: ./osteon run",
        "test, usage: ./osteon test",
        "score, usage: ./osteon score FILE --out DIR",
        "token, usage: ./osteon token --role patient|physio|admin",
        "simulate, usage: ./osteon simulate --service URL",
    })
    void everySubcommandAnswersHelpWithItsUsageAndExitZero(String subcommand, String usage) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "osteon"));
        if (!subcommand.isEmpty()) {
            command.add(subcommand);
        }
        command.add("--help");
        Result r = run(command);
        assertThat(r.status).as(r.output).isZero();
        assertThat(r.output).contains(usage);
    }

    @ParameterizedTest
    @CsvSource({"bogus", "''"})
    void anUnknownOrMissingSubcommandPrintsTheUsageAndExitsTwo(String subcommand) throws Exception {
        Result r = run(subcommand.isEmpty() ? List.of("bash", "osteon") : List.of("bash", "osteon", subcommand));
        assertThat(r.status).isEqualTo(2);
        assertThat(r.output).contains("./osteon test");
    }

    @ParameterizedTest
    @CsvSource({"0", "-3", "abc", "25"})
    void tokenRefusesHoursOutsideWhatTheServiceAcceptsWithAMessage(String hours) throws Exception {
        Result r = run(List.of(
                "bash",
                "osteon",
                "token",
                "--role",
                "admin",
                "--subject",
                "x",
                "--hours",
                hours,
                "--key-dir",
                "target/osteon-script-test-jwt"));
        assertThat(r.status).isEqualTo(2);
        assertThat(r.output)
                .contains("--hours must be a whole number from 1 to 24, was '" + hours + "'")
                .doesNotContain("Exception");
    }

    private record Result(int status, String output) {}

    private static Result run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
