package org.osteon.ingest;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered devices as ingest needs them, cached for a short time so that a busy device costs
 * no lookup per batch. Unknown ids are not cached: a device registered a moment ago is found.
 */
final class DeviceDirectory {
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();
    private final long ttlNanos;

    DeviceDirectory(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    /** What ingest checks of a device. */
    record DeviceInfo(
            String id, UUID patientId, double rangeG, Instant registeredAt, Instant dataFrom, Instant revokedAt) {}

    private record Entry(DeviceInfo info, long loadedNanos) {}

    /** The registered devices among {@code ids}; absent ids are unknown. */
    Map<String, DeviceInfo> lookup(Connection c, Collection<String> ids) throws SQLException {
        Map<String, DeviceInfo> found = new HashMap<>();
        long now = System.nanoTime();
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (String id : ids) {
            Entry e = cache.get(id);
            if (e != null && now - e.loadedNanos < ttlNanos) {
                found.put(id, e.info);
            } else if (!found.containsKey(id)) {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "select id, patient_id, range_g, registered_at, data_from, revoked_at from device where id = any(?)")) {
            Array arr = c.createArrayOf("text", missing.toArray());
            ps.setArray(1, arr);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp revoked = rs.getTimestamp(6);
                    DeviceInfo info = new DeviceInfo(
                            rs.getString(1),
                            rs.getObject(2, UUID.class),
                            rs.getDouble(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant(),
                            revoked == null ? null : revoked.toInstant());
                    cache.put(info.id(), new Entry(info, now));
                    found.put(info.id(), info);
                }
            }
        }
        return found;
    }

    void invalidate(String deviceId) {
        cache.remove(deviceId);
    }
}
