package org.osteon.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * A fleet of devices streaming 1-s batches at 50 Hz into a running service, for the tests that
 * disrupt the service, the broker or the database mid-stream and then prove that every batch
 * was stored exactly once.
 */
public final class NoLossRun implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NoLossRun.class);
    public static final int SAMPLES = 50;

    private final List<DeviceClient> devices = new ArrayList<>();
    private final int batchesPerDevice;
    private final Instant start;
    private final ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
    private final Semaphore inFlight = new Semaphore(2_000);
    private final AtomicInteger rounds = new AtomicInteger();
    /** "deviceId/seq" of every batch the broker PUBACKed: what a device may forget. */
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();

    public NoLossRun(String serviceUri, String brokerUri, int deviceCount, int batchesPerDevice) throws Exception {
        this.batchesPerDevice = batchesPerDevice;
        String patient = given().baseUri(serviceUri)
                .auth()
                .oauth2(Tokens.admin())
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", "load", "timeZone", "UTC"))
                .post("/api/v1/patients")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (int d = 0; d < deviceCount; d++) {
            String id = "fleet-" + d + "-" + Long.toString(System.nanoTime(), 36);
            given().baseUri(serviceUri)
                    .auth()
                    .oauth2(Tokens.admin())
                    .contentType(ContentType.JSON)
                    .body(Map.of("deviceId", id, "placement", "hip", "rangeG", 8))
                    .post("/api/v1/patients/" + patient + "/devices")
                    .then()
                    .statusCode(201);
            devices.add(new DeviceClient(brokerUri, id));
        }
        this.start = TestClock.CLOCK.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
    }

    public int total() {
        return devices.size() * batchesPerDevice;
    }

    public long totalSamples() {
        return (long) total() * SAMPLES;
    }

    public byte[] batch(int seq) {
        return Batches.accelJson(seq, start.plusSeconds(seq), 50, SAMPLES);
    }

    /** Publishes one batch per device every {@code period}, in the background, each exactly once. */
    public void startPublishing(Duration period) {
        publisher.scheduleAtFixedRate(
                () -> {
                    int seq = rounds.get();
                    if (seq >= batchesPerDevice) {
                        return;
                    }
                    try {
                        for (DeviceClient d : devices) {
                            d.publishAsync(
                                    "accel", batch(seq), inFlight, () -> acknowledged.add(d.deviceId() + "/" + seq));
                        }
                        rounds.incrementAndGet();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                0,
                period.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    public void awaitPublished(Duration atMost) {
        await().atMost(atMost).until(() -> rounds.get() >= batchesPerDevice && inFlight.availablePermits() == 2_000);
    }

    /** "deviceId/seq" of every batch the broker acknowledged so far. */
    public Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /**
     * Has every device reconnect at once, as a phone does when its network returns, rather than
     * after Paho's back-off, which grows while the broker is away.
     */
    public void reconnectDevicesNow(Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            devices.forEach(DeviceClient::reconnectNow);
            return devices.stream().allMatch(DeviceClient::isConnected);
        });
    }

    public int receipts() {
        int n = 0;
        for (DeviceClient d : devices) {
            n += d.receiptCount();
        }
        return n;
    }

    /** Waits until the devices hold receipts for at least this share of the stream. */
    public void awaitReceiptShare(double share, Duration atMost) {
        await().atMost(atMost).until(() -> receipts() >= share * total());
    }

    public int missingReceipts() {
        int missing = 0;
        for (DeviceClient d : devices) {
            for (int seq = 0; seq < batchesPerDevice; seq++) {
                if (!d.hasReceipt("accel", seq)) {
                    missing++;
                }
            }
        }
        return missing;
    }

    /**
     * What the contract asks of a device: re-send every batch without a receipt until all have
     * one. Returns how many re-sends it took.
     */
    public int resendUntilAllReceipted(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        int resent = 0;
        while (missingReceipts() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(missingReceipts() + " batches still without a receipt");
            }
            try {
                await().atMost(Duration.ofSeconds(5)).until(() -> missingReceipts() == 0);
                break;
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                for (DeviceClient d : devices) {
                    for (int seq = 0; seq < batchesPerDevice; seq++) {
                        if (!d.hasReceipt("accel", seq)) {
                            d.publishAsync("accel", batch(seq), inFlight);
                            resent++;
                        }
                    }
                }
                LOG.infof("re-sent %d batches without a receipt so far", resent);
            }
        }
        return resent;
    }

    @Override
    public void close() throws Exception {
        publisher.shutdownNow();
        for (DeviceClient d : devices) {
            d.close();
        }
    }
}
