package org.osteon.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.osteon.ingest.MqttTls;

/**
 * Sends commands to Mosquitto's dynamic-security plugin and waits for its answers. Each call
 * opens a short connection of its own: registrations are rare, and an idle connection holding
 * the broker's most powerful credential would only be a liability.
 */
final class DynamicSecurityClient {
    static final String CONTROL_TOPIC = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE_TOPIC = CONTROL_TOPIC + "/response";

    private final ObjectMapper json;
    private final String brokerUri;
    private final String username;
    private final char[] password;
    private final long timeoutMillis;
    private final MqttTls tls;

    DynamicSecurityClient(
            ObjectMapper json, String brokerUri, String username, String password, long timeoutMillis, MqttTls tls) {
        this.json = json;
        this.brokerUri = brokerUri;
        this.username = username;
        this.password = password.toCharArray();
        this.timeoutMillis = timeoutMillis;
        this.tls = tls;
    }

    /** One command's outcome: {@code error} is null on success. */
    record Result(String command, String error, JsonNode data) {
        boolean ok() {
            return error == null;
        }
    }

    /** Runs the commands in order in one request; returns one result per command. */
    List<Result> execute(List<ObjectNode> commands) {
        Map<String, Integer> positions = new HashMap<>();
        ArrayNode list = json.createArrayNode();
        for (int i = 0; i < commands.size(); i++) {
            String correlation = UUID.randomUUID().toString();
            positions.put(correlation, i);
            list.add(commands.get(i).deepCopy().put("correlationData", correlation));
        }
        ObjectNode request = json.createObjectNode();
        request.set("commands", list);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        MqttClient client = null;
        try {
            client = new MqttClient(brokerUri, "osteon-provision-" + UUID.randomUUID(), new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            o.setUserName(username);
            o.setPassword(password);
            o.setConnectionTimeout((int) Math.max(1, timeoutMillis / 1000));
            tls.apply(o);
            client.setTimeToWait(timeoutMillis);
            client.connect(o);
            client.subscribe(RESPONSE_TOPIC, 1, (topic, message) -> {
                JsonNode body = json.readTree(message.getPayload());
                // Answers to other provisioning sessions arrive here too; ours carry our correlation ids.
                JsonNode first = body.path("responses").path(0).path("correlationData");
                if (positions.containsKey(first.asText())) {
                    answer.complete(body);
                }
            });
            client.publish(CONTROL_TOPIC, new MqttMessage(json.writeValueAsBytes(request)));
            JsonNode body = answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
            Result[] results = new Result[commands.size()];
            for (JsonNode r : body.path("responses")) {
                Integer at = positions.get(r.path("correlationData").asText());
                if (at != null) {
                    results[at] = new Result(
                            r.path("command").asText(),
                            r.hasNonNull("error") ? r.get("error").asText() : null,
                            r.path("data"));
                }
            }
            List<Result> out = new ArrayList<>(List.of(results));
            if (out.contains(null)) {
                throw new BrokerUnavailableException("the broker did not answer every command");
            }
            return out;
        } catch (MqttException | IOException e) {
            throw new BrokerUnavailableException(
                    "the broker's dynamic-security API is not reachable: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException("the broker did not answer within " + timeoutMillis + " ms", e);
        } catch (ExecutionException e) {
            throw new BrokerUnavailableException("the broker's answer could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while waiting for the broker", e);
        } finally {
            close(client);
        }
    }

    private static void close(MqttClient client) {
        if (client == null) {
            return;
        }
        try {
            if (client.isConnected()) {
                client.disconnect(1_000);
            }
            client.close();
        } catch (MqttException e) {
            // The request has been answered or has failed already; a lingering socket is closed by the broker.
        }
    }
}
