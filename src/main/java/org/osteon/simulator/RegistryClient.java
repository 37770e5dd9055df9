package org.osteon.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers demo patients and devices over Osteon's REST API, as an app would. A bearer token, when
 * given, is sent with every request, for deployments whose API requires one.
 */
public final class RegistryClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String bearerToken;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** @param bearerToken sent as {@code Authorization: Bearer …}, or {@code null} */
    public RegistryClient(URI base, String bearerToken) {
        this.base = base;
        this.bearerToken = bearerToken;
    }

    /** Creates a patient and returns its id. */
    public String createPatient(String displayName, String timeZone, double bodyMassKg)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("displayName", displayName);
        body.put("timeZone", timeZone);
        body.put("bodyMassKg", bodyMassKg);
        return send("POST", "/api/v1/patients", body).path("id").asText();
    }

    public void registerDevice(String patientId, String deviceId, String placement, double rangeG, String model)
            throws IOException, InterruptedException {
        registerDevice(patientId, deviceId, placement, rangeG, model, null);
    }

    /**
     * Registers a device; with {@code recordingsFrom}, states that its recordings from then on are
     * the patient's (a physiotherapist's or an admin's token only).
     */
    public void registerDevice(
            String patientId, String deviceId, String placement, double rangeG, String model, Instant recordingsFrom)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deviceId", deviceId);
        body.put("placement", placement);
        body.put("rangeG", rangeG);
        body.put("model", model);
        if (recordingsFrom != null) {
            body.put("recordingsFrom", recordingsFrom.toString());
        }
        send("POST", "/api/v1/patients/" + patientId + "/devices", body);
    }

    /** Prescribes a template from the library, taking effect on {@code effectiveFrom}. */
    public void prescribe(String patientId, String templateId, LocalDate effectiveFrom, String reason)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("templateId", templateId);
        body.put("reason", reason);
        body.put("effectiveFrom", effectiveFrom.toString());
        send("PUT", "/api/v1/patients/" + patientId + "/program", body);
    }

    /**
     * Submits a patient's answers, as their app does ({@code PUT
     * /api/v1/patients/{id}/questionnaire-responses/{responseId}}, with the patient's own token).
     */
    public JsonNode submitAnswers(String patientId, MoodDiary.Answer answer) throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("questionnaire", answer.questionnaire());
        body.put("answers", answer.answers());
        body.put("answeredAt", answer.answeredAt().toString());
        return send("PUT", "/api/v1/patients/" + patientId + "/questionnaire-responses/" + answer.id(), body);
    }

    /** {@code GET /api/v1/devices/{id}/sync-status}. */
    public JsonNode syncStatus(String deviceId) throws IOException, InterruptedException {
        return send("GET", "/api/v1/devices/" + deviceId + "/sync-status", null);
    }

    private JsonNode send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
