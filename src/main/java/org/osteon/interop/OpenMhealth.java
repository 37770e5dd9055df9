package org.osteon.interop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.osteon.engine.ScoredDay;

/**
 * A patient's scored days as Open mHealth data points (docs/interop.md), plain Java: one data point
 * per valid day and schema, its body's {@code effective_time_frame.time_interval} the local day in
 * the patient's zone (midnight to midnight, with the zone's offset on each end, so a 23- or 25-hour
 * day is what it was).
 *
 * <p>Invariant: the same days give the same data points, ids included, whenever they are asked for;
 * only {@code creation_date_time} (the export's instant) changes. An id is a name-based UUID of
 * the patient, the date and the schema, so a consumer that imports an export twice, or a re-export
 * after a day was scored again, replaces a data point instead of adding one.
 */
public final class OpenMhealth {
    /** The schemas Osteon emits, as {@code namespace:name:version}. */
    public enum Schema {
        /** MVPA minutes of the day (moderate or more). */
        MINUTES_MODERATE_ACTIVITY("omh", "minutes-moderate-activity", "1.0"),
        /** Steps of the day; deprecated by Open mHealth in favour of IEEE 1752.1 physical-activity, emitted for older consumers. */
        STEP_COUNT("omh", "step-count", "3.0"),
        /** IEEE 1752.1 physical-activity: the day's steps as its base movement quantity. */
        PHYSICAL_ACTIVITY("ieee", "physical-activity", "1.0");

        final String namespace;
        final String name;
        final String version;

        Schema(String namespace, String name, String version) {
            this.namespace = namespace;
            this.name = name;
            this.version = version;
        }

        /** {@code namespace:name:version}, as the {@code schema} parameter takes it. */
        public String id() {
            return namespace + ":" + name + ":" + version;
        }
    }

    /** {@code header.acquisition_provenance.source_name}. */
    public static final String SOURCE_NAME = "Osteon";
    /** {@code activity_name} of the IEEE 1752.1 data point: the day's activity as a whole. */
    public static final String DAILY_ACTIVITY = "daily activity";

    private OpenMhealth() {}

    public record DataPoint(Header header, Map<String, Object> body) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Header(
            String id,
            @JsonProperty("creation_date_time") String creationDateTime,
            @JsonProperty("schema_id") SchemaId schemaId,
            @JsonProperty("acquisition_provenance") AcquisitionProvenance acquisitionProvenance,
            @JsonProperty("user_id") String userId) {}

    public record SchemaId(String namespace, String name, String version) {}

    public record AcquisitionProvenance(
            @JsonProperty("source_name") String sourceName, String modality) {}

    /**
     * The data points of {@code days} for {@code schemas}, in date order and then the schemas'
     * order. A day counts when it has at least {@code minWearHours} of wear (the report's valid
     * day): a day worn for two hours says little about its steps. A day without the schema's value
     * (no accelerometer data for MVPA or steps) has no data point for it.
     */
    public static List<DataPoint> dataPoints(
            UUID patientId,
            ZoneId zone,
            List<ScoredDay> days,
            List<Schema> schemas,
            double minWearHours,
            Instant createdAt) {
        List<DataPoint> out = new ArrayList<>();
        String created = createdAt.toString();
        for (ScoredDay d : days) {
            if (d.wearHours() < minWearHours) {
                continue;
            }
            Map<String, Object> frame = ordered("time_interval", interval(d.date(), zone));
            for (Schema s : schemas) {
                Map<String, Object> body = body(s, d, frame);
                if (body == null) {
                    continue;
                }
                UUID id = UUID.nameUUIDFromBytes(
                        (patientId + "/" + d.date() + "/" + s.id()).getBytes(StandardCharsets.UTF_8));
                out.add(new DataPoint(
                        new Header(
                                id.toString(),
                                created,
                                new SchemaId(s.namespace, s.name, s.version),
                                new AcquisitionProvenance(SOURCE_NAME, "sensed"),
                                patientId.toString()),
                        body));
            }
        }
        return out;
    }

    private static Map<String, Object> body(Schema s, ScoredDay d, Map<String, Object> frame) {
        return switch (s) {
            case MINUTES_MODERATE_ACTIVITY ->
                d.mvpaMinutes() == null
                        ? null
                        : ordered(
                                "minutes_moderate_activity",
                                ordered("value", d.mvpaMinutes(), "unit", "min"),
                                "effective_time_frame",
                                frame);
            case STEP_COUNT ->
                d.steps() == null
                        ? null
                        : ordered(
                                "step_count",
                                ordered("value", d.steps(), "unit", "steps"),
                                "effective_time_frame",
                                frame);
            case PHYSICAL_ACTIVITY ->
                d.steps() == null
                        ? null
                        : ordered(
                                "activity_name",
                                DAILY_ACTIVITY,
                                "base_movement_quantity",
                                ordered("value", d.steps(), "unit", "steps"),
                                "effective_time_frame",
                                frame);
        };
    }

    /**
     * The local day as an interval, each end with its own offset, as RFC 3339 date-times (the
     * schemas' {@code date-time}): seconds always written, which {@code OffsetDateTime.toString}
     * leaves out at a whole minute.
     */
    static Map<String, Object> interval(LocalDate date, ZoneId zone) {
        return ordered(
                "start_date_time", RFC_3339.format(date.atStartOfDay(zone)),
                "end_date_time", RFC_3339.format(date.plusDays(1).atStartOfDay(zone)));
    }

    private static final DateTimeFormatter RFC_3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    /** A JSON object with its fields in the order given: the schemas' own order, for people reading an export. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
