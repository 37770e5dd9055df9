package org.osteon.device;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.audit.AuditLog;
import org.osteon.auth.Caller;
import org.osteon.auth.Roles;
import org.osteon.broker.DeviceBrokerAccess;
import org.osteon.common.ApiDocs;
import org.osteon.common.ApiException;
import org.osteon.common.ApiProblem;
import org.osteon.device.DeviceDtos.DeviceView;
import org.osteon.device.DeviceDtos.MqttCredentials;
import org.osteon.device.DeviceDtos.NewDevice;
import org.osteon.ingest.IngestConfig;
import org.osteon.patient.PatientAccess;

@Path("/api/v1/patients/{patientId}/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ADMIN, Roles.PHYSIO, Roles.PATIENT})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "404", ref = "NotFound")
public class PatientDeviceResource {
    private final DeviceViews views;
    private final PatientAccess access;
    private final DeviceBrokerAccess brokerAccess;
    private final Clock clock;

    private final Caller caller;
    private final AuditLog audit;
    private final IngestConfig ingest;

    public PatientDeviceResource(
            DeviceViews views,
            PatientAccess access,
            DeviceBrokerAccess brokerAccess,
            Clock clock,
            Caller caller,
            AuditLog audit,
            IngestConfig ingest) {
        this.clock = clock;
        this.caller = caller;
        this.audit = audit;
        this.ingest = ingest;
        this.views = views;
        this.access = access;
        this.brokerAccess = brokerAccess;
    }

    @POST
    @Transactional
    @Operation(
            summary = "Register a wearable to a patient",
            description = "201 with the topics the device publishes to and, when Osteon manages broker accounts, "
                    + "its MQTT user name and password (shown only in this answer); 409 if the device id is taken; "
                    + "503 if the broker could not be reached (nothing is registered then). "
                    + "By the patient themself (pairing in the app), an assigned physiotherapist or an admin. "
                    + "Samples must start after the registration; a physiotherapist or an admin may state with "
                    + "`recordingsFrom` that the device's recordings from an earlier instant (at most "
                    + "`osteon.ingest.max-earlier-recordings`, 28 days, before) are this patient's. That statement "
                    + "is audited.")
    @APIResponse(
            responseCode = "201",
            description = "registered, with its topics",
            content = @Content(examples = @ExampleObject(name = "201", value = DeviceExamples.DEVICE)))
    @APIResponse(
            responseCode = "400",
            description = "a field is wrong, named in errors",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "400", value = ApiDocs.BAD_REQUEST)))
    @APIResponse(
            responseCode = "409",
            description = "the device id is taken",
            content =
                    @Content(
                            mediaType = ApiProblem.MEDIA_TYPE,
                            examples = @ExampleObject(name = "409", value = ApiDocs.CONFLICT)))
    public Response register(
            @PathParam("patientId") UUID patientId,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            examples =
                                                    @ExampleObject(name = "device", value = DeviceExamples.NEW_DEVICE)))
                    @Valid
                    @NotNull
                    NewDevice body,
            UriInfo uri) {
        access.registry(patientId, null);
        if (Device.findById(body.deviceId()) != null) {
            throw ApiException.conflict("deviceId", "device '" + body.deviceId() + "' is already registered");
        }
        Device d = new Device();
        d.id = body.deviceId();
        d.patientId = patientId;
        d.placement = body.placement().apiName();
        d.rangeG = body.rangeG();
        d.model = body.model();
        // Millisecond precision, so that the "before registration" rule compares what the device sees.
        d.registeredAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        d.dataFrom = recordingsFrom(body.recordingsFrom(), d.registeredAt);
        // Flushed first: a concurrent registration of the same id fails here, before it could
        // reset the broker account of the one that wins.
        d.persistAndFlush();
        if (d.dataFrom.isBefore(d.registeredAt)) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("deviceId", d.id);
            detail.put("recordingsFrom", d.dataFrom.toString());
            detail.put("registeredAt", d.registeredAt.toString());
            audit.record(AuditLog.EARLIER_RECORDINGS_ACCEPTED, patientId, null, detail);
        }
        // Created last, so that a broker failure rolls the registration back. A database
        // failure after it leaves an account that the next registration of this id takes over.
        MqttCredentials mqtt = brokerAccess
                .issue(d.id)
                .map(c -> new MqttCredentials(c.username(), c.password()))
                .orElse(null);
        return Response.created(uri.getBaseUriBuilder()
                        .path("api/v1/devices")
                        .path(d.id)
                        .build())
                .entity(views.of(d, mqtt))
                .build();
    }

    /** The instant from which the device's samples are accepted: the registration, or a clinician's earlier one. */
    private Instant recordingsFrom(Instant stated, Instant registeredAt) {
        if (stated == null || stated.equals(registeredAt)) {
            return registeredAt;
        }
        if (stated.isAfter(registeredAt)) {
            throw ApiException.badField(
                    "recordingsFrom",
                    "must not be after the registration (" + registeredAt
                            + "); leave it out to accept recordings from the registration on");
        }
        if (!caller.is(Roles.PHYSIO) && !caller.is(Roles.ADMIN)) {
            throw ApiException.badField(
                    "recordingsFrom",
                    "only a physiotherapist or an admin may accept recordings from before the registration");
        }
        Instant earliest = registeredAt.minus(ingest.maxEarlierRecordings());
        if (stated.isBefore(earliest)) {
            throw ApiException.badField(
                    "recordingsFrom",
                    "must be at most " + ingest.maxEarlierRecordings().toDays() + " days before the registration, from "
                            + earliest + "; older recordings are an import of their own");
        }
        return stated.truncatedTo(ChronoUnit.MILLIS);
    }

    @GET
    @Operation(summary = "A patient's devices")
    @APIResponse(
            responseCode = "200",
            description = "the devices",
            content = @Content(examples = @ExampleObject(name = "200", value = DeviceExamples.DEVICES)))
    public List<DeviceView> list(@PathParam("patientId") UUID patientId) {
        access.registry(patientId, "devices");
        return Device.listByPatient(patientId).stream().map(views::of).toList();
    }
}
