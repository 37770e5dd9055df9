package org.osteon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.osteon.support.TestClock;

class SimulatorArgumentsTest {

    @Test
    void optionsSetTheRunAndAThousandDevicesShareTenConnections() {
        SimulatorArguments a = SimulatorArguments.parse(
                new String[] {
                    "--devices",
                    "1000",
                    "--speed",
                    "max",
                    "--minutes",
                    "5",
                    "--format",
                    "binary",
                    "--token",
                    "abc",
                    "--broker",
                    "tcp://broker:1883"
                },
                TestClock.CLOCK);

        assertThat(a.devices()).isEqualTo(1000);
        assertThat(a.connections()).isEqualTo(10);
        assertThat(a.options().speed()).isZero();
        assertThat(a.length()).isEqualTo(Duration.ofMinutes(5));
        assertThat(a.format()).isEqualTo(PayloadFormat.BINARY);
        assertThat(a.token()).isEqualTo("abc");
        assertThat(a.options().brokerUri()).isEqualTo("tcp://broker:1883");
    }

    @Test
    void aBadArgumentIsNamedInTheError() {
        assertThatThrownBy(() -> SimulatorArguments.parse(new String[] {"--speed", "0"}, TestClock.CLOCK))
                .hasMessageContaining("--speed");
        assertThatThrownBy(() -> SimulatorArguments.parse(new String[] {"--devices"}, TestClock.CLOCK))
                .hasMessage("--devices needs a value");
        assertThatThrownBy(() -> SimulatorArguments.parse(new String[] {"--format", "xml"}, TestClock.CLOCK))
                .hasMessageContaining("json or binary");
        assertThatThrownBy(() -> SimulatorArguments.parse(new String[] {"--frobnicate"}, TestClock.CLOCK))
                .hasMessageContaining("--frobnicate");
    }
}
