package org.osteon.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osteon.common.Jdbc;
import org.osteon.support.Batches;
import org.osteon.support.Clinic;
import org.osteon.support.Clinic.Physio;
import org.osteon.support.DeviceClient;
import org.osteon.support.Registry;

/** A contract-valid batch that covers several days gets every one of them scored. */
@QuarkusTest
class LongBatchScoringTest {
    static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    @Test
    void everyDayOfABatchSpanningFiveDaysIsScored() throws Exception {
        Physio physio = Clinic.newPhysio();
        String patient = Clinic.newPatientOf(physio, VIENNA.getId());
        String device = Registry.newDevice(patient, 16);
        Instant start = clock.instant().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS);
        jdbc.update(
                "update device set registered_at = ?::timestamptz - interval '1 day', data_from = ?::timestamptz - interval '1 day' where id = ?",
                java.sql.Timestamp.from(start),
                java.sql.Timestamp.from(start),
                device);
        int samples = 400_000;
        Instant last = start.plusSeconds(samples - 1);
        try (DeviceClient client = new DeviceClient("tcp://127.0.0.1:1883", device)) {
            client.publishAccel(Batches.accelJson(1, start, 1, samples));
            JsonNode receipt =
                    await().atMost(Duration.ofSeconds(30)).until(() -> client.receipt("accel", 1), r -> r != null);
            assertThat(receipt.path("status").asText()).isEqualTo("accepted");
        }

        List<LocalDate> covered = start.atZone(VIENNA)
                .toLocalDate()
                .datesUntil(last.atZone(VIENNA).toLocalDate().plusDays(1))
                .toList();
        assertThat(covered).hasSizeGreaterThanOrEqualTo(5);
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> assertThat(jdbc.list(
                                "select local_date from day_summary where patient_id = ?::uuid order by local_date",
                                rs -> rs.getObject(1, LocalDate.class),
                                patient))
                        .containsExactlyElementsOf(covered));
    }
}
