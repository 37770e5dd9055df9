package org.osteon.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Names of device topics ({@code {topicRoot}/{deviceId}/{stream}}) and their parsing. */
@ApplicationScoped
public class DeviceTopics {
    private final String root;

    public DeviceTopics(IngestConfig config) {
        this.root = config.topicRoot();
    }

    public String accel(String deviceId) {
        return root + "/" + deviceId + "/accel";
    }

    public String load(String deviceId) {
        return root + "/" + deviceId + "/load";
    }

    public String receipts(String deviceId) {
        return root + "/" + deviceId + "/receipts";
    }

    public String progress(String deviceId) {
        return root + "/" + deviceId + "/progress";
    }

    /** The filter Osteon subscribes to for one stream, across all devices. */
    public String filter(Stream stream) {
        return root + "/+/" + stream.wireName();
    }

    /** The device and stream a topic names, if it is a device's inbound topic. */
    public Optional<Address> parse(String topic) {
        if (!topic.startsWith(root + "/")) {
            return Optional.empty();
        }
        String rest = topic.substring(root.length() + 1);
        int slash = rest.indexOf('/');
        if (slash <= 0 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        return Stream.fromWireName(rest.substring(slash + 1))
                .map(stream -> new Address(rest.substring(0, slash), stream));
    }

    /** Where a message came from. */
    public record Address(String deviceId, Stream stream) {}
}
