package org.osteon.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.osteon.ingest.DeviceTopics;
import org.osteon.ingest.IngestConfig;
import org.osteon.ingest.MqttTls;

/**
 * A device's account at the broker. Registration creates a client named after the device with
 * a generated password and a role of its own that allows exactly: publishing to its
 * {@code accel} and {@code load} topics, and subscribing to and receiving its {@code receipts}
 * and {@code progress}. The password is returned once and never stored by Osteon; the broker
 * keeps only its salted PBKDF2 hash. Revocation deletes client and role, which also
 * disconnects the device if it is online.
 */
@ApplicationScoped
public class DeviceBrokerAccess {
    private static final Logger LOG = Logger.getLogger(DeviceBrokerAccess.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BrokerAdminConfig config;
    private final DeviceTopics topics;
    private final ObjectMapper json;
    private final DynamicSecurityClient broker;

    public DeviceBrokerAccess(
            BrokerAdminConfig config, IngestConfig ingest, DeviceTopics topics, ObjectMapper json, MqttTls tls) {
        this.config = config;
        this.topics = topics;
        this.json = json;
        if (config.enabled()) {
            String password = config.password()
                    .orElseThrow(() -> new IllegalStateException(
                            "osteon.broker-admin.password is required when osteon.broker-admin.enabled is true"));
            this.broker = new DynamicSecurityClient(
                    json,
                    config.brokerUri().orElse(ingest.brokerUri()),
                    config.username(),
                    password,
                    config.timeout().toMillis(),
                    tls);
        } else {
            this.broker = null;
        }
    }

    /** What a device needs to log in to the broker; shown once, at registration. */
    public record MqttCredentials(String username, String password) {}

    public boolean enabled() {
        return broker != null;
    }

    /**
     * Creates the device's broker account, or empty when Osteon does not manage broker accounts.
     * A leftover account of the same device (from a registration whose database commit failed)
     * is taken over with a new password; an account of the same name that Osteon did not create
     * is a conflict.
     */
    public Optional<MqttCredentials> issue(String deviceId) {
        if (broker == null) {
            return Optional.empty();
        }
        String role = roleOf(deviceId);
        String password = newPassword();
        List<DynamicSecurityClient.Result> results = broker.execute(List.of(
                createRole(deviceId, role),
                command("createClient")
                        .put("username", deviceId)
                        .put("password", password)
                        .put("textname", "Osteon device")
                        .set(
                                "roles",
                                json.createArrayNode()
                                        .add(json.createObjectNode().put("rolename", role)))));
        failUnless(results.get(0), "Role already exists");
        if (!results.get(1).ok()) {
            if (!"Client already exists".equals(results.get(1).error())) {
                throw new BrokerUnavailableException(
                        "createClient: " + results.get(1).error());
            }
            takeOver(deviceId, role, password);
        }
        LOG.infof("Broker account created for device %s", deviceId);
        return Optional.of(new MqttCredentials(deviceId, password));
    }

    /** Removes the device's broker account; idempotent. */
    public void revoke(String deviceId) {
        if (broker == null) {
            return;
        }
        List<DynamicSecurityClient.Result> results = broker.execute(List.of(
                command("deleteClient").put("username", deviceId),
                command("deleteRole").put("rolename", roleOf(deviceId))));
        failUnless(results.get(0), "Client not found");
        failUnless(results.get(1), "Role not found");
        LOG.infof("Broker account removed for device %s", deviceId);
    }

    private void takeOver(String deviceId, String role, String password) {
        var existing = broker.execute(List.of(command("getClient").put("username", deviceId)))
                .get(0);
        boolean ours = false;
        for (var r : existing.data().path("client").path("roles")) {
            ours |= role.equals(r.path("rolename").asText());
        }
        if (!ours) {
            broker.execute(List.of(command("deleteRole").put("rolename", role)));
            throw new BrokerAccountConflictException(deviceId);
        }
        var results = broker.execute(List.of(
                command("setClientPassword").put("username", deviceId).put("password", password),
                command("enableClient").put("username", deviceId)));
        failUnless(results.get(0), null);
        failUnless(results.get(1), null);
        LOG.infof("Leftover broker account of device %s taken over", deviceId);
    }

    private ObjectNode createRole(String deviceId, String role) {
        var acls = json.createArrayNode()
                .add(acl("publishClientSend", topics.accel(deviceId)))
                .add(acl("publishClientSend", topics.load(deviceId)))
                .add(acl("subscribeLiteral", topics.receipts(deviceId)))
                .add(acl("subscribeLiteral", topics.progress(deviceId)))
                .add(acl("publishClientReceive", topics.receipts(deviceId)))
                .add(acl("publishClientReceive", topics.progress(deviceId)));
        ObjectNode c = command("createRole").put("rolename", role).put("textname", "Osteon device topics");
        c.set("acls", acls);
        return c;
    }

    private ObjectNode acl(String type, String topic) {
        return json.createObjectNode().put("acltype", type).put("topic", topic).put("allow", true);
    }

    private ObjectNode command(String name) {
        return json.createObjectNode().put("command", name);
    }

    private String roleOf(String deviceId) {
        return config.rolePrefix() + deviceId;
    }

    private String newPassword() {
        byte[] bytes = new byte[config.passwordBytes()];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void failUnless(DynamicSecurityClient.Result r, String harmlessError) {
        if (!r.ok() && !r.error().equals(harmlessError)) {
            throw new BrokerUnavailableException(r.command() + ": " + r.error());
        }
    }
}
