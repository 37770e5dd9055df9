package org.osteon.device;

import jakarta.enterprise.context.ApplicationScoped;
import org.osteon.device.DeviceDtos.DeviceView;
import org.osteon.device.DeviceDtos.MqttCredentials;
import org.osteon.device.DeviceDtos.Topics;
import org.osteon.ingest.DeviceTopics;
import org.osteon.scoring.Placement;

/** Turns a device entity into what the API shows, topics included. */
@ApplicationScoped
public class DeviceViews {
    private final DeviceTopics topics;

    public DeviceViews(DeviceTopics topics) {
        this.topics = topics;
    }

    public DeviceView of(Device d) {
        return of(d, null);
    }

    public DeviceView of(Device d, MqttCredentials mqtt) {
        return new DeviceView(
                d.id,
                d.patientId,
                Placement.fromApiName(d.placement),
                d.rangeG,
                d.model,
                d.registeredAt,
                d.dataFrom,
                d.revokedAt,
                new Topics(topics.accel(d.id), topics.load(d.id), topics.receipts(d.id), topics.progress(d.id)),
                mqtt);
    }
}
