package org.osteon.device;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.broker.DeviceBrokerAccess;
import org.osteon.common.ApiException;
import org.osteon.device.DeviceDtos.DeviceView;
import org.osteon.device.DeviceDtos.SyncStatus;

@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
public class DeviceResource {
    private final DeviceViews views;
    private final SyncStatusRepository syncStatus;
    private final DeviceBrokerAccess brokerAccess;

    public DeviceResource(DeviceViews views, SyncStatusRepository syncStatus, DeviceBrokerAccess brokerAccess) {
        this.views = views;
        this.syncStatus = syncStatus;
        this.brokerAccess = brokerAccess;
    }

    @GET
    @Path("/{deviceId}")
    @Operation(summary = "Read a device and its topics")
    public DeviceView get(@PathParam("deviceId") String deviceId) {
        return views.of(find(deviceId));
    }

    @GET
    @Path("/{deviceId}/sync-status")
    @Operation(summary = "What Osteon has received from a device, per stream",
            description = "Last seq, accepted batches and samples, duplicates, rejections, seq gaps and the time of "
                    + "the last receipt. Apps show \"last synced\" from it.")
    public SyncStatus syncStatus(@PathParam("deviceId") String deviceId) {
        find(deviceId);
        return syncStatus.of(deviceId);
    }

    @POST
    @Path("/{deviceId}/revoke")
    @Transactional
    @Operation(summary = "Revoke a device",
            description = "Removes the device's broker account (an online device is disconnected) and refuses its "
                    + "batches from now on; the data it sent stays. Repeating it is harmless. 503 if the broker "
                    + "could not be reached (then nothing changes).")
    public DeviceView revoke(@PathParam("deviceId") String deviceId) {
        Device d = find(deviceId);
        if (d.revokedAt == null) {
            d.revokedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        brokerAccess.revoke(deviceId);
        return views.of(d);
    }

    private static Device find(String deviceId) {
        return Device.<Device>findByIdOptional(deviceId).orElseThrow(() -> ApiException.notFound("device", deviceId));
    }
}
