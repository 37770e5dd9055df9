package org.osteon.simulator;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link Simulation} runs.
 *
 * @param brokerUri MQTT broker, e.g. {@code tcp://127.0.0.1:1883}
 * @param rateHz samples per second, a whole number so that live batches are exactly 1 s
 * @param format JSON or binary accelerometer batches
 * @param rangeG the devices' full scale in g, as registered
 * @param speed simulated seconds per wall-clock second; {@code 0} for as fast as possible
 * @param connections MQTT connections the devices share (at least 1)
 * @param receiptTimeout re-send a batch with no receipt after this long
 * @param drainTimeout at the end, wait this long at most for the last receipts
 * @param truthDir where to write ground truth, or {@code null} for nowhere
 * @param fidgeting whether the desk wrist moves as an awake wearer's does ({@link SignalGenerator});
 *     off, the signal every test written before it knows, a still desk wrist looks like sleep
 */
public record SimulationOptions(
        String brokerUri,
        int rateHz,
        PayloadFormat format,
        double rangeG,
        double speed,
        int connections,
        Duration receiptTimeout,
        Duration drainTimeout,
        Path truthDir,
        boolean fidgeting) {

    public SimulationOptions {
        if (rateHz < 1 || rateHz > 1000) {
            throw new IllegalArgumentException("rateHz must be a whole number from 1 to 1000: " + rateHz);
        }
        if (speed < 0 || Double.isNaN(speed)) {
            throw new IllegalArgumentException("speed must be >= 0 (0: as fast as possible): " + speed);
        }
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1: " + connections);
        }
    }

    /** Defaults for a test against a local broker: 50 Hz JSON, ±16 g, as fast as possible, one connection. */
    public static SimulationOptions fastest(String brokerUri) {
        return new SimulationOptions(
                brokerUri,
                50,
                PayloadFormat.JSON,
                16,
                0,
                1,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                null,
                false);
    }

    public SimulationOptions withSpeed(double v) {
        return new SimulationOptions(
                brokerUri, rateHz, format, rangeG, v, connections, receiptTimeout, drainTimeout, truthDir, fidgeting);
    }

    public SimulationOptions withFormat(PayloadFormat v) {
        return new SimulationOptions(
                brokerUri, rateHz, v, rangeG, speed, connections, receiptTimeout, drainTimeout, truthDir, fidgeting);
    }

    public SimulationOptions withConnections(int v) {
        return new SimulationOptions(
                brokerUri, rateHz, format, rangeG, speed, v, receiptTimeout, drainTimeout, truthDir, fidgeting);
    }

    public SimulationOptions withFidgeting(boolean v) {
        return new SimulationOptions(
                brokerUri, rateHz, format, rangeG, speed, connections, receiptTimeout, drainTimeout, truthDir, v);
    }

    public SimulationOptions withReceiptTimeout(Duration v) {
        return new SimulationOptions(
                brokerUri, rateHz, format, rangeG, speed, connections, v, drainTimeout, truthDir, fidgeting);
    }
}
