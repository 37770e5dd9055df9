package org.osteon.device;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.osteon.common.ApiException;
import org.osteon.device.DeviceDtos.DeviceView;
import org.osteon.device.DeviceDtos.SyncStatus;

@Path("/api/v1/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
public class DeviceResource {
    private final DeviceViews views;
    private final SyncStatusRepository syncStatus;

    public DeviceResource(DeviceViews views, SyncStatusRepository syncStatus) {
        this.views = views;
        this.syncStatus = syncStatus;
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

    private static Device find(String deviceId) {
        return Device.<Device>findByIdOptional(deviceId).orElseThrow(() -> ApiException.notFound("device", deviceId));
    }
}
