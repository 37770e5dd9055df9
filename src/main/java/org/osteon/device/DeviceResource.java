package org.osteon.device;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.auth.Roles;
import org.osteon.broker.DeviceBrokerAccess;
import org.osteon.common.ApiException;
import org.osteon.device.DeviceDtos.DeviceView;
import org.osteon.device.DeviceDtos.SyncStatus;
import org.osteon.ingest.DeviceMessages;
import org.osteon.patient.PatientAccess;

@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
@SecurityRequirement(name = "bearer")
@RolesAllowed({Roles.ADMIN, Roles.PHYSIO, Roles.PATIENT})
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "404", ref = "NotFound", description = "no such device, or not one of the caller's")
public class DeviceResource {
    private final DeviceViews views;
    private final SyncStatusRepository syncStatus;
    private final PatientAccess access;
    private final DeviceBrokerAccess brokerAccess;
    private final DeviceMessages deviceMessages;
    private final Clock clock;

    public DeviceResource(
            DeviceViews views,
            SyncStatusRepository syncStatus,
            PatientAccess access,
            DeviceBrokerAccess brokerAccess,
            DeviceMessages deviceMessages,
            Clock clock) {
        this.clock = clock;
        this.views = views;
        this.syncStatus = syncStatus;
        this.access = access;
        this.brokerAccess = brokerAccess;
        this.deviceMessages = deviceMessages;
    }

    @GET
    @Path("/{deviceId}")
    @Operation(
            summary = "Read a device and its topics",
            description = "For the patient wearing it, their physiotherapist or an admin; 404 for anyone else.")
    @APIResponse(
            responseCode = "200",
            description = "the device",
            content = @Content(examples = @ExampleObject(name = "200", value = DeviceExamples.DEVICE)))
    public DeviceView get(@PathParam("deviceId") String deviceId) {
        return views.of(find(deviceId, "device"));
    }

    @GET
    @Path("/{deviceId}/sync-status")
    @Operation(
            summary = "What Osteon has received from a device, per stream",
            description = "Last seq, accepted batches, accelerometer samples (accel) or loading events (load), "
                    + "duplicates, rejections, seq gaps, the time of the last receipt of any kind, the receipt time of "
                    + "the newest accepted batch (lastAcceptedAt: apps show \"last synced\" from it) and the newest "
                    + "rejection with its reason. By an admin (checking an integration), the patient's physiotherapist "
                    + "or the patient.")
    @APIResponse(
            responseCode = "200",
            description = "the sync status",
            content = @Content(examples = @ExampleObject(name = "200", value = DeviceExamples.SYNC_STATUS)))
    public SyncStatus syncStatus(@PathParam("deviceId") String deviceId) {
        find(deviceId, "device.sync-status");
        return syncStatus.of(deviceId);
    }

    @POST
    @Path("/{deviceId}/revoke")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.PHYSIO, Roles.PATIENT})
    @Operation(
            summary = "Revoke a device",
            description =
                    "Removes the device's broker account (an online device is disconnected) and refuses its "
                            + "batches from now on; the data it sent stays. Repeating it is harmless. 503 if the broker "
                            + "could not be reached (then nothing changes). By an admin, the patient's physiotherapist or the patient.")
    public DeviceView revoke(@PathParam("deviceId") String deviceId) {
        Device d = find(deviceId, "device.revoke");
        if (d.revokedAt == null) {
            d.revokedAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        }
        brokerAccess.revoke(deviceId);
        deviceMessages.forgetProgress(deviceId);
        return views.of(d);
    }

    /** The device, if the caller may see its patient's registry data; otherwise 404 naming only the device. */
    private Device find(String deviceId, String what) {
        Device d =
                Device.<Device>findByIdOptional(deviceId).orElseThrow(() -> ApiException.notFound("device", deviceId));
        try {
            access.registry(d.patientId, what);
        } catch (ApiException e) {
            if (e.status() == 404) {
                throw ApiException.notFound("device", deviceId);
            }
            throw e;
        }
        return d;
    }
}
