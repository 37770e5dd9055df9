package org.osteon.privacy;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The tables that hold a patient's data, found in the catalog rather than listed by hand:
 * {@code patient} itself and every table with a {@code patient_id} or {@code device_id}
 * column (partitions are reached through their parent). A feature that adds a table keyed by
 * either column is exported and erased without a change here.
 */
final class PatientTables {
    private PatientTables() {}

    /** A table and how its rows are tied to a patient. */
    record Table(String name, boolean byPatient, boolean byDevice) {
        /** The condition that selects one patient's rows; bind it with {@link #bind}. */
        String where() {
            if (name.equals("patient")) {
                return "id = ?";
            }
            if (byPatient && byDevice) {
                return "(patient_id = ? or device_id = any(?))";
            }
            return byPatient ? "patient_id = ?" : "device_id = any(?)";
        }

        void bind(PreparedStatement ps, UUID patientId, Array deviceIds) throws SQLException {
            int i = 1;
            if (name.equals("patient") || byPatient) {
                ps.setObject(i++, patientId);
            }
            if (!name.equals("patient") && byDevice) {
                ps.setArray(i, deviceIds);
            }
        }
    }

    /**
     * The patient's tables, ordered so that deleting in this order never breaks a foreign key
     * (referencing tables before the tables they reference); {@code patient} comes last.
     */
    static List<Table> find(Connection c) throws SQLException {
        Map<String, Table> tables = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "select t.relname, bool_or(a.attname = 'patient_id'), bool_or(a.attname = 'device_id') "
                                + "from pg_class t join pg_namespace n on n.oid = t.relnamespace "
                                + "join pg_attribute a on a.attrelid = t.oid and a.attnum > 0 and not a.attisdropped "
                                + "where n.nspname = current_schema() and t.relkind in ('r', 'p') and not t.relispartition "
                                + "and (a.attname in ('patient_id', 'device_id') or t.relname = 'patient') "
                                + "group by t.relname order by t.relname");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                tables.put(rs.getString(1), new Table(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)));
            }
        }
        Map<String, Set<String>> references = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                        "select distinct child.relname, parent.relname from pg_constraint k "
                                + "join pg_class child on child.oid = k.conrelid join pg_class parent on parent.oid = k.confrelid "
                                + "join pg_namespace n on n.oid = child.relnamespace "
                                + "where k.contype = 'f' and n.nspname = current_schema() and not child.relispartition");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                references
                        .computeIfAbsent(rs.getString(1), k -> new HashSet<>())
                        .add(rs.getString(2));
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < tables.size()) {
            boolean progress = false;
            for (Table t : tables.values()) {
                if (placed.contains(t.name())) {
                    continue;
                }
                // A table goes once no unplaced table of ours still references it.
                boolean referenced = tables.keySet().stream()
                        .anyMatch(other -> !placed.contains(other)
                                && !other.equals(t.name())
                                && references.getOrDefault(other, Set.of()).contains(t.name()));
                if (!referenced) {
                    ordered.add(t);
                    placed.add(t.name());
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("foreign keys between patient tables form a cycle");
            }
        }
        return ordered;
    }
}
