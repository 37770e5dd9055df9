package org.osteon.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lints helm/osteon and renders it with every example values file under helm/osteon/ci/. */
class HelmChartTest {
    static final Path CHART = Path.of("helm/osteon");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> exampleValues() throws IOException {
        try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void chartLintsWithoutWarnings() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertThat(result.isFailed())
                .as(String.join("\n", result.getMessages()))
                .isFalse();
    }

    @Test
    void thereAreExampleValuesForTheDefaultsASmallInstallationAndProduction() throws IOException {
        assertThat(exampleValues().map(p -> p.getFileName().toString()))
                .contains("default-values.yaml", "small-installation-values.yaml", "production-values.yaml");
    }

    @ParameterizedTest
    @MethodSource("exampleValues")
    void everyExampleRendersAWorkloadWithProbesResourcesAndSecretReferences(Path values) throws IOException {
        Rendered r = render(values);
        Map<String, Object> v = valuesOf(values);
        JsonNode workload = r.one(r.workloadKind());
        JsonNode pod = workload.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");

        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/q/health/started");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();

        Map<String, String> secretRefs = new java.util.HashMap<>();
        for (JsonNode env : container.path("env")) {
            JsonNode ref = env.at("/valueFrom/secretKeyRef");
            if (!ref.isMissingNode()) {
                secretRefs.put(
                        env.path("name").asText(),
                        ref.path("name").asText() + "/" + ref.path("key").asText());
            }
        }
        boolean deviceCredentials = (boolean) get(v, "broker.deviceCredentials", true);
        assertThat(secretRefs)
                .containsKeys(
                        "OSTEON_DB_USER", "OSTEON_DB_PASSWORD", "OSTEON_INGEST_USERNAME", "OSTEON_INGEST_PASSWORD");
        assertThat(secretRefs.containsKey("OSTEON_BROKER_ADMIN_PASSWORD")).isEqualTo(deviceCredentials);
        assertThat(secretRefs.get("OSTEON_DB_PASSWORD")).startsWith("osteon-db/");
        if (deviceCredentials) {
            assertThat(secretRefs.get("OSTEON_BROKER_ADMIN_PASSWORD")).startsWith("osteon-broker/");
        }
        // No secret value is ever written into the rendered objects.
        assertThat(r.kinds()).doesNotContain("Secret");
        assertThat(container.path("env").findValues("value").stream().map(JsonNode::asText))
                .noneMatch(s -> s.toLowerCase().contains("password"));
        // Tokens are verified with the provider's keys (JWKS), so no key is mounted.
        assertThat(pod.path("volumes").findValues("secretName").stream().map(JsonNode::asText))
                .doesNotContain("osteon-jwt");

        JsonNode service = r.named("Service", r.fullname());
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
        assertThat(service.at("/spec/selector")).isEqualTo(workload.at("/spec/selector/matchLabels"));

        String properties =
                r.one("ConfigMap").at("/data/application.properties").asText();
        assertThat(properties)
                .contains(
                        "quarkus.datasource.jdbc.url=jdbc:postgresql://",
                        "osteon.ingest.broker-uri=",
                        "osteon.broker-admin.enabled=" + deviceCredentials,
                        "osteon.auth.issuer=",
                        "osteon.auth.jwks-url=",
                        "osteon.auth.audience=");
        assertThat(properties).doesNotContain("mp.jwt");
        assertThat(properties).doesNotContainIgnoringCase("password=");
        String shareGroup = get(v, "broker.shareGroup", "");
        if (shareGroup.isEmpty()) {
            assertThat(properties).doesNotContain("osteon.ingest.share-group");
        } else {
            assertThat(properties).contains("osteon.ingest.share-group=" + shareGroup);
        }

        boolean autoscaling = (boolean) get(v, "autoscaling.enabled", false);
        assertThat(r.all("HorizontalPodAutoscaler")).hasSize(autoscaling ? 1 : 0);
        if (autoscaling) {
            JsonNode hpa = r.one("HorizontalPodAutoscaler");
            assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo(r.workloadKind());
            assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(r.fullname());
            assertThat(workload.at("/spec/replicas").isMissingNode())
                    .as("HPA owns the replica count")
                    .isTrue();
        } else {
            assertThat(workload.at("/spec/replicas").asInt()).isEqualTo(get(v, "replicaCount", 1));
        }
        assertThat(r.all("PodDisruptionBudget"))
                .hasSize((boolean) get(v, "podDisruptionBudget.enabled", false) ? 1 : 0);
        assertThat(r.all("ServiceMonitor")).hasSize((boolean) get(v, "serviceMonitor.enabled", false) ? 1 : 0);
    }

    /**
     * One pod under a stable name with a plain subscription: the broker (Mosquitto 2.0) keeps that
     * subscription and its queue across its restarts, which it does not for a shared one.
     */
    @Test
    void defaultsRenderOneStatefulSetPodWithAPlainSubscriptionAndThePlainHttpPort() throws IOException {
        Rendered r = render(CHART.resolve("ci/default-values.yaml"));
        JsonNode sts = r.one("StatefulSet");
        assertThat(sts.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(r.all("Deployment")).isEmpty();
        assertThat(r.all("HorizontalPodAutoscaler")).isEmpty();
        assertThat(r.one("ConfigMap").at("/data/application.properties").asText())
                .doesNotContain("osteon.ingest.share-group");
        JsonNode container = sts.at("/spec/template/spec/containers/0");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
        assertThat(container.at("/livenessProbe/httpGet/scheme").asText()).isEqualTo("HTTP");
    }

    /** Several pods without a share group would each take every batch; a Deployment's would leave sessions behind. */
    @Test
    void severalReplicasAutoscalingOrADeploymentAreRefusedWithoutAShareGroup() throws IOException {
        for (String bad :
                List.of("replicaCount: 2\n", "autoscaling:\n  enabled: true\n", "workload:\n  kind: Deployment\n")) {
            Path file = Files.createTempFile("osteon-unshared-values", ".yaml");
            Files.writeString(file, bad);
            assertThatThrownBy(() -> render(file)).as(bad).hasMessageContaining("broker.shareGroup");
            Files.writeString(file, bad + "broker:\n  shareGroup: osteon\n");
            assertThat(render(file)
                            .one("ConfigMap")
                            .at("/data/application.properties")
                            .asText())
                    .as(bad)
                    .contains("osteon.ingest.share-group=osteon");
        }
    }

    @Test
    void productionRendersAStatefulSetWithTlsEverywhereAndAServiceMonitor() throws IOException {
        Rendered r = render(CHART.resolve("ci/production-values.yaml"));
        JsonNode sts = r.one("StatefulSet");
        assertThat(sts.at("/spec/serviceName").asText()).isEqualTo(r.fullname() + "-headless");
        assertThat(r.named("Service", r.fullname() + "-headless")
                        .at("/spec/clusterIP")
                        .asText())
                .isEqualTo("None");
        JsonNode container = sts.at("/spec/template/spec/containers/0");
        assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8443);
        assertThat(container.at("/readinessProbe/httpGet/scheme").asText()).isEqualTo("HTTPS");
        String properties =
                r.one("ConfigMap").at("/data/application.properties").asText();
        assertThat(properties)
                .contains(
                        "quarkus.http.insecure-requests=disabled",
                        "quarkus.tls.key-store.pem.osteon.cert=/etc/osteon/http-tls/tls.crt",
                        "osteon.mqtt-tls.ca-file=/etc/osteon/mqtt-ca/ca.crt",
                        "osteon.ingest.broker-uri=ssl://",
                        "osteon.retention.raw-data=P730D");
        assertThat(r.one("ServiceMonitor").at("/spec/endpoints/0/path").asText())
                .isEqualTo("/q/metrics");
        assertThat(r.one("ServiceMonitor").at("/metadata/labels/release").asText())
                .isEqualTo("prometheus");
        assertThat(r.one("PodDisruptionBudget").at("/spec/minAvailable").asInt())
                .isEqualTo(2);
    }

    @Test
    void schemaRefusesValuesThatCannotWork() throws IOException {
        for (String bad : List.of(
                "workload:\n  kind: Job\n",
                "broker:\n  uri: http://broker:1883\n  existingSecret: b\n",
                "replicaCount: 0\n",
                "retention:\n  rawData: 30 days\n",
                "unknownKey: 1\n")) {
            Path file = Files.createTempFile("osteon-bad-values", ".yaml");
            Files.writeString(file, bad);
            assertThatThrownBy(() -> render(file)).as(bad).isInstanceOf(RuntimeException.class);
        }
    }

    /** "A comment on every value": each leaf, or a map it belongs to, has a comment right above it. */
    @Test
    void everyValueIsCommented() throws IOException {
        List<String> undocumented = new ArrayList<>();
        Deque<int[]> parents = new ArrayDeque<>(); // {indent, commented}
        boolean commentAbove = false;
        String previousKey = null;
        int previousIndent = -1;
        boolean previousCommented = false;
        for (String line : Files.readAllLines(CHART.resolve("values.yaml"))) {
            String t = line.strip();
            if (t.startsWith("#")) {
                commentAbove = true;
                continue;
            }
            if (t.isEmpty() || t.startsWith("-") || !t.contains(":")) {
                commentAbove = t.isEmpty() ? false : commentAbove;
                continue;
            }
            int indent = line.indexOf(t);
            if (previousKey != null && indent > previousIndent) {
                parents.push(new int[] {previousIndent, previousCommented ? 1 : 0});
            }
            while (!parents.isEmpty() && parents.peek()[0] >= indent) {
                parents.pop();
            }
            boolean inherited = parents.stream().anyMatch(p -> p[1] == 1);
            String key = t.substring(0, t.indexOf(':'));
            boolean leaf = !t.endsWith(":");
            if (leaf && !commentAbove && !inherited) {
                undocumented.add(key);
            }
            previousKey = key;
            previousIndent = indent;
            previousCommented = commentAbove;
            commentAbove = false;
        }
        assertThat(undocumented).isEmpty();
    }

    private static Rendered render(Path values) {
        String out = new Helm(CHART)
                .template()
                .withName("osteon")
                .withNamespace("clinic")
                .withValuesFile(values)
                .call();
        return new Rendered(out);
    }

    private static Map<String, Object> valuesOf(Path file) throws IOException {
        Map<String, Object> m = YAML.readValue(file.toFile(), Map.class);
        return m == null ? Map.of() : m;
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Map<String, Object> values, String path, T fallback) {
        Object at = values;
        for (String part : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> m) || !m.containsKey(part)) {
                return fallback;
            }
            at = m.get(part);
        }
        return (T) at;
    }

    /** The objects of one rendering. */
    record Rendered(List<JsonNode> objects) {
        Rendered(String yaml) {
            this(parse(yaml));
        }

        static List<JsonNode> parse(String yaml) {
            try (var parser = YAML.getFactory().createParser(yaml)) {
                List<JsonNode> docs = new ArrayList<>();
                var it = YAML.readValues(parser, JsonNode.class);
                while (it.hasNext()) {
                    JsonNode n = it.next();
                    if (n != null && n.has("kind")) {
                        docs.add(n);
                    }
                }
                return docs;
            } catch (IOException e) {
                throw new IllegalStateException("rendered chart is not YAML", e);
            }
        }

        List<JsonNode> all(String kind) {
            return objects.stream()
                    .filter(o -> kind.equals(o.path("kind").asText()))
                    .toList();
        }

        JsonNode one(String kind) {
            List<JsonNode> found = all(kind);
            assertThat(found).as("objects of kind %s", kind).hasSize(1);
            return found.get(0);
        }

        JsonNode named(String kind, String name) {
            Optional<JsonNode> o = all(kind).stream()
                    .filter(n -> name.equals(n.at("/metadata/name").asText()))
                    .findFirst();
            assertThat(o).as("%s %s", kind, name).isPresent();
            return o.get();
        }

        List<String> kinds() {
            return objects.stream().map(o -> o.path("kind").asText()).toList();
        }

        String workloadKind() {
            return all("StatefulSet").isEmpty() ? "Deployment" : "StatefulSet";
        }

        String fullname() {
            return one(workloadKind()).at("/metadata/name").asText();
        }
    }
}
