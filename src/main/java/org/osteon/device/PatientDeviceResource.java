package org.osteon.device;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.common.ApiException;
import org.osteon.broker.DeviceBrokerAccess;
import org.osteon.device.DeviceDtos.DeviceView;
import org.osteon.device.DeviceDtos.MqttCredentials;
import org.osteon.device.DeviceDtos.NewDevice;
import org.osteon.patient.Patient;

@Path("/api/v1/patients/{patientId}/devices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
public class PatientDeviceResource {
    private final DeviceViews views;
    private final DeviceBrokerAccess brokerAccess;

    public PatientDeviceResource(DeviceViews views, DeviceBrokerAccess brokerAccess) {
        this.views = views;
        this.brokerAccess = brokerAccess;
    }

    @POST
    @Transactional
    @Operation(summary = "Register a wearable to a patient",
            description = "201 with the topics the device publishes to and, when Osteon manages broker accounts, "
                    + "its MQTT user name and password (shown only in this answer); 409 if the device id is taken; "
                    + "503 if the broker could not be reached (nothing is registered then).")
    public Response register(@PathParam("patientId") UUID patientId, @Valid @NotNull NewDevice body, UriInfo uri) {
        requirePatient(patientId);
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
        d.registeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Flushed first: a concurrent registration of the same id fails here, before it could
        // reset the broker account of the one that wins.
        d.persistAndFlush();
        // Created last, so that a broker failure rolls the registration back. A database
        // failure after it leaves an account that the next registration of this id takes over.
        MqttCredentials mqtt = brokerAccess.issue(d.id)
                .map(c -> new MqttCredentials(c.username(), c.password()))
                .orElse(null);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/devices").path(d.id).build())
                .entity(views.of(d, mqtt))
                .build();
    }

    @GET
    @Operation(summary = "A patient's devices")
    public List<DeviceView> list(@PathParam("patientId") UUID patientId) {
        requirePatient(patientId);
        return Device.listByPatient(patientId).stream().map(views::of).toList();
    }

    private static void requirePatient(UUID patientId) {
        if (Patient.findById(patientId) == null) {
            throw ApiException.notFound("patient", patientId);
        }
    }
}
