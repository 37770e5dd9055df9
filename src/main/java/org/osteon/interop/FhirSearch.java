package org.osteon.interop;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.osteon.common.DateParam;
import org.osteon.common.Text;

/**
 * FHIR search over Observations (docs/interop.md, "FHIR search"), plain Java: the search parameters
 * the HL7 Physical Activity IG asks servers to support, parsed and checked ({@link #parse}), the
 * local days they need read ({@link Query#days}), and the export's Bundle filtered to a
 * {@code searchset} ({@link #searchset}). Nothing here builds an Observation: the export does, once.
 *
 * <p>Parameters: {@code patient} (required, once: {@code Patient/<id>} or the bare id), {@code
 * category} and {@code code} (tokens {@code system|code}, {@code |code} or {@code code}; a comma is
 * OR, a repeated parameter AND), {@code date} (prefixes eq, ge, le, gt, lt, none meaning eq; a
 * year, month, day or a date-time with an offset; repeated for a range, AND), {@code status}
 * (Observation status codes, comma OR) and {@code _id} (comma OR). A value without a zone means the
 * patient's zone.
 */
public final class FhirSearch {
    /** The parameters the search answers; any other is refused. */
    public static final Set<String> PARAMETERS = Set.of("patient", "category", "code", "date", "status", "_id");

    private static final Pattern TOKEN_PART = Pattern.compile("[A-Za-z0-9\\-._:/#%~]{1,200}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    private FhirSearch() {}

    /** A search parameter FHIR clients get back as an OperationOutcome naming it. */
    public static final class BadParameter extends RuntimeException {
        private final String parameter;

        public BadParameter(String parameter, String message) {
            super(parameter + ": " + message);
            this.parameter = parameter;
        }

        public String parameter() {
            return parameter;
        }
    }

    /** A token: {@code system} null matches any system, empty matches a coding without one. */
    record Token(String system, String code) {
        boolean matches(Coding c) {
            if (!code.equals(c.getCode())) {
                return false;
            }
            if (system == null) {
                return true;
            }
            return system.isEmpty() ? !c.hasSystem() : system.equals(c.getSystem());
        }

        boolean matches(CodeableConcept cc) {
            return cc.getCoding().stream().anyMatch(this::matches);
        }
    }

    enum Prefix {
        EQ,
        GE,
        LE,
        GT,
        LT
    }

    /** A date value: the instants {@code [start, end)} its precision spans, and its prefix. */
    record DateValue(Prefix prefix, Instant start, Instant end) {
        /** FHIR's date search on a target spanning {@code [s, e)}. */
        boolean matches(Instant s, Instant e) {
            boolean within = !s.isBefore(start) && !e.isAfter(end);
            return switch (prefix) {
                case EQ -> within;
                case GT -> e.isAfter(end);
                case LT -> s.isBefore(start);
                case GE -> e.isAfter(end) || within;
                case LE -> s.isBefore(start) || within;
            };
        }
    }

    /** A parsed search: every list is ANDed, each inner list ORed. */
    public record Query(
            UUID patient,
            List<List<Token>> categories,
            List<List<Token>> codes,
            List<DateValue> dates,
            List<Set<String>> statuses,
            List<Set<String>> ids) {

        /**
         * The local days to read for this search: from the latest lower bound of {@code date} (or
         * {@code defaultDays} before the upper bound) to its earliest upper bound (or {@code today}),
         * widened to whole weeks (Monday to Sunday) so that weekly Observations are there to
         * match. Null when no day can match.
         *
         * @throws BadParameter naming {@code date} when the widened range is longer than {@code maxDays}
         */
        public LocalDate[] days(ZoneId zone, LocalDate today, int defaultDays, int maxDays) {
            LocalDate lower = null;
            LocalDate upper = null;
            for (DateValue d : dates) {
                LocalDate first = d.start().atZone(zone).toLocalDate();
                LocalDate last = d.end().minusNanos(1).atZone(zone).toLocalDate();
                // The widening to whole weeks below keeps a week that reaches across a bound.
                if (d.prefix() == Prefix.EQ || d.prefix() == Prefix.GE || d.prefix() == Prefix.GT) {
                    lower = lower == null || first.isAfter(lower) ? first : lower;
                }
                if (d.prefix() == Prefix.EQ || d.prefix() == Prefix.LE || d.prefix() == Prefix.LT) {
                    upper = upper == null || last.isBefore(upper) ? last : upper;
                }
            }
            LocalDate to = upper == null || upper.isAfter(today) ? today : upper;
            LocalDate from = lower != null ? lower : to.minusDays(defaultDays - 1L);
            if (from.isBefore(DateParam.EARLIEST)) {
                from = DateParam.EARLIEST;
            }
            if (from.isAfter(to)) {
                return null;
            }
            LocalDate monday = from.minusDays(from.getDayOfWeek().getValue() - 1L);
            LocalDate sunday = to.plusDays(7L - to.getDayOfWeek().getValue());
            long span = java.time.temporal.ChronoUnit.DAYS.between(monday, sunday) + 1;
            if (span > maxDays) {
                throw new BadParameter(
                        "date",
                        "the days searched, widened to whole weeks (Monday to Sunday), may span at most " + maxDays
                                + " days, were " + span + " (" + monday + " to " + sunday + ")");
            }
            return new LocalDate[] {monday, sunday};
        }

        boolean matches(Observation o, ZoneId zone) {
            for (List<Token> any : categories) {
                if (o.getCategory().stream().noneMatch(cc -> any.stream().anyMatch(t -> t.matches(cc)))) {
                    return false;
                }
            }
            for (List<Token> any : codes) {
                if (any.stream().noneMatch(t -> t.matches(o.getCode()))) {
                    return false;
                }
            }
            for (Set<String> any : statuses) {
                if (!o.hasStatus() || !any.contains(o.getStatus().toCode())) {
                    return false;
                }
            }
            for (Set<String> any : ids) {
                if (!any.contains(o.getIdElement().getIdPart())) {
                    return false;
                }
            }
            if (!dates.isEmpty()) {
                Instant[] span = effective(o, zone);
                if (span == null) {
                    return false;
                }
                for (DateValue d : dates) {
                    if (!d.matches(span[0], span[1])) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /**
     * The search in {@code parameters} (as the query string gave them, names with their values).
     *
     * @throws BadParameter naming the first parameter that is unknown, missing, repeated where it may
     *     not be, or has a value the search does not understand
     */
    public static Query parse(Map<String, List<String>> parameters, ZoneId zoneForDates) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new BadParameter(
                        Text.printable(name, 40),
                        "is not a search parameter this server supports; supported: "
                                + String.join(", ", PARAMETERS.stream().sorted().toList()));
            }
        }
        return new Query(
                patient(parameters.get("patient")),
                tokens("category", parameters.get("category")),
                tokens("code", parameters.get("code")),
                dates(parameters.get("date"), zoneForDates),
                codes("status", parameters.get("status"), STATUSES),
                codes("_id", parameters.get("_id"), null));
    }

    /** The patient a search names, before anything else is checked: access is decided on it. */
    public static UUID patient(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new BadParameter("patient", "is required: Patient/<id> or the patient's id");
        }
        if (values.size() > 1) {
            throw new BadParameter("patient", "may be given once");
        }
        String v = values.get(0);
        String id = v.startsWith("Patient/") ? v.substring("Patient/".length()) : v;
        try {
            if (id.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadParameter(
                    "patient",
                    "must be Patient/<id> or the patient's id (a UUID), was '" + Text.printable(v, 60) + "'");
        }
    }

    private static final Set<String> STATUSES = Set.of(Arrays.stream(Observation.ObservationStatus.values())
            .filter(s -> s != Observation.ObservationStatus.NULL)
            .map(Observation.ObservationStatus::toCode)
            .toArray(String[]::new));

    private static List<List<Token>> tokens(String name, List<String> values) {
        List<List<Token>> all = new ArrayList<>();
        if (values == null) {
            return all;
        }
        for (String v : values) {
            List<Token> any = new ArrayList<>();
            for (String part : v.split(",", -1)) {
                int bar = part.indexOf('|');
                String system = bar < 0 ? null : part.substring(0, bar);
                String code = bar < 0 ? part : part.substring(bar + 1);
                if (!TOKEN_PART.matcher(code).matches()
                        || (system != null
                                && !system.isEmpty()
                                && !TOKEN_PART.matcher(system).matches())) {
                    throw new BadParameter(
                            name,
                            "must be tokens system|code, |code or code, comma-separated, was '" + Text.printable(v, 60)
                                    + "'");
                }
                any.add(new Token(system, code));
            }
            all.add(any);
        }
        return all;
    }

    private static List<Set<String>> codes(String name, List<String> values, Set<String> allowed) {
        List<Set<String>> all = new ArrayList<>();
        if (values == null) {
            return all;
        }
        for (String v : values) {
            Set<String> any = new java.util.LinkedHashSet<>();
            for (String part : v.split(",", -1)) {
                boolean ok = allowed != null
                        ? allowed.contains(part)
                        : ID.matcher(part).matches();
                if (!ok) {
                    throw new BadParameter(
                            name,
                            (allowed != null
                                            ? "must be one of "
                                                    + String.join(
                                                            ", ",
                                                            allowed.stream()
                                                                    .sorted()
                                                                    .toList())
                                            : "must be resource ids (letters, digits, '-' and '.', up to 64)")
                                    + ", comma-separated, was '" + Text.printable(v, 60) + "'");
                }
                any.add(part);
            }
            all.add(any);
        }
        return all;
    }

    private static List<DateValue> dates(List<String> values, ZoneId zone) {
        List<DateValue> all = new ArrayList<>();
        if (values == null) {
            return all;
        }
        for (String v : values) {
            if (v.contains(",")) {
                throw new BadParameter("date", "takes one value; repeat the parameter for a range");
            }
            Prefix prefix = Prefix.EQ;
            String value = v;
            if (v.length() > 2 && Character.isLetter(v.charAt(0)) && Character.isLetter(v.charAt(1))) {
                String p = v.substring(0, 2).toUpperCase(Locale.ROOT);
                try {
                    prefix = Prefix.valueOf(p);
                } catch (IllegalArgumentException e) {
                    throw new BadParameter(
                            "date",
                            "prefix must be one of eq, ge, le, gt, lt (or none), was '" + Text.printable(v, 40) + "'");
                }
                value = v.substring(2);
            }
            all.add(date(prefix, value, v, zone));
        }
        return all;
    }

    private static DateValue date(Prefix prefix, String value, String asSent, ZoneId zone) {
        try {
            Instant start;
            Instant end;
            LocalDate first;
            if (value.matches("\\d{4}")) {
                first = LocalDate.of(Integer.parseInt(value), 1, 1);
                start = first.atStartOfDay(zone).toInstant();
                end = first.plusYears(1).atStartOfDay(zone).toInstant();
            } else if (value.matches("\\d{4}-\\d{2}")) {
                YearMonth m = YearMonth.parse(value);
                first = m.atDay(1);
                start = first.atStartOfDay(zone).toInstant();
                end = m.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
            } else if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                first = LocalDate.parse(value);
                start = first.atStartOfDay(zone).toInstant();
                end = first.plusDays(1).atStartOfDay(zone).toInstant();
            } else if (value.matches(
                    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})")) {
                OffsetDateTime t = OffsetDateTime.parse(value);
                first = t.toLocalDate();
                start = t.toInstant();
                end = start.plusSeconds(1);
            } else {
                throw new DateTimeParseException("form", value, 0);
            }
            if (first.isBefore(DateParam.EARLIEST) || first.isAfter(DateParam.LATEST)) {
                throw new BadParameter(
                        "date",
                        "must be between " + DateParam.EARLIEST + " and " + DateParam.LATEST + ", was " + first);
            }
            return new DateValue(prefix, start, end);
        } catch (DateTimeException | NumberFormatException e) {
            throw new BadParameter(
                    "date",
                    "must be [eq|ge|le|gt|lt] and a date such as 2026-03-02 (or 2026, 2026-03, "
                            + "2026-03-02T10:00:00+01:00), was '" + Text.printable(asSent, 40) + "'");
        }
    }

    /** The instants an Observation's effective[x] spans: a date its day(s), a date-time its precision, a period both ends. */
    static Instant[] effective(Observation o, ZoneId zone) {
        if (o.hasEffectiveDateTimeType()) {
            return span(o.getEffectiveDateTimeType(), zone);
        }
        if (o.hasEffectivePeriod()) {
            Period p = o.getEffectivePeriod();
            Instant[] s = span(p.getStartElement(), zone);
            Instant[] e = span(p.getEndElement(), zone);
            return s == null || e == null ? null : new Instant[] {s[0], e[1]};
        }
        return null;
    }

    private static Instant[] span(BaseDateTimeType t, ZoneId zone) {
        if (t == null || !t.hasValue()) {
            return null;
        }
        return switch (t.getPrecision()) {
            case YEAR, MONTH, DAY -> {
                LocalDate d = LocalDate.parse(t.getValueAsString().length() == 10 ? t.getValueAsString() : pad(t));
                LocalDate next = switch (t.getPrecision()) {
                    case YEAR -> d.plusYears(1);
                    case MONTH -> d.plusMonths(1);
                    default -> d.plusDays(1);
                };
                yield new Instant[] {
                    d.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant()
                };
            }
            default -> {
                Date v = t.getValue();
                Instant s = v.toInstant();
                yield new Instant[] {s, s.plusSeconds(1)};
            }
        };
    }

    private static String pad(BaseDateTimeType t) {
        String v = t.getValueAsString();
        return v.length() == 4 ? v + "-01-01" : v + "-01";
    }

    /**
     * The Observations of {@code export} that {@code q} matches, as a {@code searchset} Bundle: each
     * with {@code search.mode} {@code match}, {@code total} their number, the Devices they name
     * after them with {@code search.mode} {@code include} (so that their references resolve within
     * the Bundle), and a {@code self} link to {@code self}.
     */
    public static Bundle searchset(Bundle export, Query q, ZoneId zone, String self) {
        Bundle b = new Bundle();
        b.setType(Bundle.BundleType.SEARCHSET);
        b.setTimestamp(export.getTimestamp());
        b.addLink().setRelation("self").setUrl(self);
        Map<String, Resource> byFullUrl = new LinkedHashMap<>();
        for (Bundle.BundleEntryComponent e : export.getEntry()) {
            byFullUrl.put(e.getFullUrl(), e.getResource());
        }
        Map<String, Resource> included = new LinkedHashMap<>();
        int total = 0;
        for (Bundle.BundleEntryComponent e : export.getEntry()) {
            if (e.getResource() instanceof Observation o && q.matches(o, zone)) {
                total++;
                b.addEntry()
                        .setFullUrl(e.getFullUrl())
                        .setResource(o)
                        .getSearch()
                        .setMode(Bundle.SearchEntryMode.MATCH);
                Reference device = o.getDevice();
                if (device.hasReference() && byFullUrl.containsKey(device.getReference())) {
                    included.putIfAbsent(device.getReference(), byFullUrl.get(device.getReference()));
                }
            }
        }
        b.setTotal(total);
        included.forEach((url, r) ->
                b.addEntry().setFullUrl(url).setResource(r).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE));
        return b;
    }
}
