package org.osteon.ingest;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What Paho 1.2.5's receiving thread spends on one PUBLISH packet once its bytes are read from the
 * socket: {@code MqttWireMessage.createWireMessage(byte[])}, the call its {@code CommsReceiver} makes
 * for every packet, against a bulk copy of the same payload. The sizes are the ingest benchmark's
 * (docs/benchmarks.md, "Ingest"): a 1-s batch at 50 Hz as JSON (1,020 bytes) and as a binary frame
 * (200 bytes), an hour at 100 Hz as a binary frame (1.15 MB) and as JSON (6.83 MB). Paho reads the
 * payload through an input stream that counts one byte at a time, so its cost grows with the
 * payload's bytes on the one thread that receives every message of the connection.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MqttReceiveBenchmark {
    @Param({"200", "1020", "1150000", "6830000"})
    int payloadBytes;

    byte[] packet;
    int payloadOffset;

    @Setup
    public void setUp() throws MqttException {
        byte[] payload = new byte[payloadBytes];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) ('0' + i % 10);
        }
        MqttPublish publish = new MqttPublish("osteon/v1/devices/wrist-000123/accel", new MqttMessage(payload));
        publish.setMessageId(7);
        byte[] header = publish.getHeader();
        packet = Arrays.copyOf(header, header.length + payload.length);
        System.arraycopy(payload, 0, packet, header.length, payload.length);
        payloadOffset = header.length;
    }

    /** As Paho's receiving thread turns a packet into a message (what ingest's callback is given). */
    @Benchmark
    public int pahoCreateWireMessage() throws MqttException {
        MqttPublish m = (MqttPublish) MqttWireMessage.createWireMessage(packet);
        return m.getMessage().getPayload().length;
    }

    /** The same payload copied in bulk: what reading it need cost. */
    @Benchmark
    public int bulkCopy() {
        return Arrays.copyOfRange(packet, payloadOffset, packet.length).length;
    }
}
