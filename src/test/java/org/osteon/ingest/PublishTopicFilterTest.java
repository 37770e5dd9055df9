package org.osteon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PublishTopicFilterTest {

    @Test
    void everyNonAsciiByteOfAPublishTopicBecomesAQuestionMarkAndNothingElseChanges() throws IOException {
        byte[] payload = new byte[300];
        new Random(7).nextBytes(payload);
        payload[10] = (byte) 0xF0; // a 4-byte lead in the payload must pass as it is
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        packet(in, 0x20, new byte[] {0, 0}); // CONNACK
        packet(expected, 0x20, new byte[] {0, 0});
        publish(in, "osteon/v1/devices/dev\uD83D\uDE00x/accel", payload);
        publish(expected, "osteon/v1/devices/dev????x/accel", payload);
        publish(in, "osteon/v1/devices/dev\u2764\uFE0F/load", "{}".getBytes(StandardCharsets.UTF_8));
        publish(expected, "osteon/v1/devices/dev??????/load", "{}".getBytes(StandardCharsets.UTF_8));
        publish(in, "osteon/v1/devices/d\u00e9v\uFF01/load", "{}".getBytes(StandardCharsets.UTF_8));
        publish(expected, "osteon/v1/devices/d??v???/load", "{}".getBytes(StandardCharsets.UTF_8));
        packet(in, 0xD0, new byte[0]); // PINGRESP
        packet(expected, 0xD0, new byte[0]);

        for (long seed = 0; seed < 20; seed++) {
            assertThat(readInRandomChunks(new PublishTopicFilter(new ByteArrayInputStream(in.toByteArray())), seed))
                    .as("chunks of seed %d", seed)
                    .isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void connectionLossesCountOnlyWithinTheirWindow() {
        long[] now = {0};
        ConnectionLosses losses = new ConnectionLosses(() -> now[0]);
        losses.lost();
        now[0] += Duration.ofMinutes(2).toNanos();
        losses.lost();
        losses.lost();
        assertThat(losses.within(Duration.ofMinutes(3))).isEqualTo(3);
        now[0] += Duration.ofMinutes(2).toNanos();
        assertThat(losses.within(Duration.ofMinutes(3))).isEqualTo(2);
        assertThat(losses.total()).isEqualTo(3);
    }

    private static byte[] readInRandomChunks(InputStream s, long seed) throws IOException {
        Random r = new Random(seed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (r.nextInt(4) == 0) {
                int b = s.read();
                if (b < 0) {
                    break;
                }
                out.write(b);
            } else {
                byte[] buf = new byte[1 + r.nextInt(9)];
                int n = s.read(buf, 0, buf.length);
                if (n < 0) {
                    break;
                }
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static void publish(ByteArrayOutputStream out, String topic, byte[] payload) {
        byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(t.length >> 8);
        body.write(t.length & 0xFF);
        body.writeBytes(t);
        body.write(0); // packet id, QoS 1
        body.write(42);
        body.writeBytes(payload);
        packet(out, 0x32, body.toByteArray());
    }

    private static void packet(ByteArrayOutputStream out, int header, byte[] body) {
        out.write(header);
        int len = body.length;
        do {
            int digit = len % 128;
            len /= 128;
            out.write(len > 0 ? digit | 0x80 : digit);
        } while (len > 0);
        out.writeBytes(body);
    }
}
