package dev.cameljira.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cameljira.sandbox.JiraSandbox;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SYNC_CLUSTER=kubernetes} against a Kubernetes API server in memory (fabric8's mock server in CRUD mode on a
 * loopback port; no cluster, no Docker here): two replicas of the packaged service as two "pods" of one namespace.
 * The leader holds the Lease {@code jira-sync-pollers} and alone polls; every call the leader election makes is
 * allowed by the Role of the generated manifest; when the leader dies and its pod turns not-ready, the other takes the
 * Lease and polls. Lease timings are shortened here (3 s lease, 2 s renew deadline, 500 ms retry) to keep the test short.
 */
class KubernetesLeaseIT {
    private static final String NAMESPACE = "sync-test";
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Pattern API = Pattern.compile("/(?:api|apis/([^/]+))/v1/namespaces/([^/]+)/([^/?]+)(?:/([^/?]+))?(?:\\?(.*))?");

    @TempDir
    Path dir;

    @Test
    void theLeaseHolderPollsWithNoMoreRightsThanTheRoleGivesAndTheOtherPodTakesOver() throws Exception {
        KubernetesMockServer api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        api.init(InetAddress.getLoopbackAddress(), 0);
        try (NamespacedKubernetesClient k8s = api.createClient();
             JiraSandbox sandbox = JiraSandbox.builder().port(0).build()) {
            pod(k8s, "jira-sync-a", true);
            pod(k8s, "jira-sync-b", true);
            drain(api);

            AppProcess a = AppProcess.start(dir.resolve("a"), env(api, sandbox, "jira-sync-a"));
            AppProcess b = AppProcess.start(dir.resolve("b"), env(api, sandbox, "jira-sync-b"));
            try {
                a.awaitLive();
                b.awaitLive();
                await("one pod leads").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                        .until(() -> a.leads() ^ b.leads());
                AppProcess leader = a.leads() ? a : b;
                AppProcess other = leader == a ? b : a;
                String leaderPod = leader == a ? "jira-sync-a" : "jira-sync-b";
                String otherPod = leader == a ? "jira-sync-b" : "jira-sync-a";
                await().atMost(Duration.ofSeconds(10)).until(() -> !leader.polls().isEmpty());
                assertThat(other.polls()).as("the other pod does not poll").isEmpty();
                assertThat(leader.output()).contains("Replica " + leaderPod + " is now the leader (Lease jira-sync-pollers)");

                // what the leader election asked the API server for, against what the generated Role grants
                Set<String> used = permissions(drain(api));
                System.out.println("KubernetesLeaseIT: API calls of the leader election: " + used);
                assertThat(used).contains("coordination.k8s.io/leases create", "/pods list")
                        .anyMatch(p -> p.startsWith("coordination.k8s.io/leases get "));
                List<JsonNode> rules = role();
                assertThat(used).allSatisfy(p -> assertThat(granted(rules, p)).as(p + " granted by the Role").isTrue());

                Lease lease = k8s.leases().inNamespace(NAMESPACE).withName("jira-sync-pollers").get();
                assertThat(lease).as("a coordination.k8s.io Lease, not a ConfigMap").isNotNull();
                assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leaderPod);
                assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo((int) LEASE.toSeconds());
                assertThat(k8s.configMaps().inNamespace(NAMESPACE).list().getItems()).isEmpty();

                // the leader dies; the kubelet marks its pod not ready
                Instant killedAt = Instant.now();
                leader.kill();
                pod(k8s, leaderPod, false);
                drain(api);
                await("the other pod polls").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                        .until(() -> other.polls().stream().anyMatch(at -> at.isAfter(killedAt)));
                Set<String> later = permissions(drain(api));
                Instant first = other.polls().stream().min(Instant::compareTo).orElseThrow();
                System.out.printf("KubernetesLeaseIT: leader killed; %s polled after %d ms (lease %d s)%n", otherPod,
                        Duration.between(killedAt, first).toMillis(), LEASE.toSeconds());
                assertThat(k8s.leases().inNamespace(NAMESPACE).withName("jira-sync-pollers").get().getSpec()
                        .getHolderIdentity()).isEqualTo(otherPod);
                assertThat(other.output()).contains("Replica " + otherPod + " is now the leader (Lease jira-sync-pollers)");
                assertThat(later).allSatisfy(p -> assertThat(granted(rules, p)).as(p + " granted by the Role").isTrue());
            } finally {
                a.close();
                b.close();
            }
        } finally {
            api.destroy();
        }
    }

    private Map<String, String> env(KubernetesMockServer api, JiraSandbox sandbox, String pod) {
        Map<String, String> env = AppProcess.sandboxConnections(sandbox);
        env.put("SYNC_POLL_INTERVAL", "1s");
        env.put("SYNC_CLUSTER", "kubernetes");
        // leadership is what this test is about; FailoverIT covers the shared database
        env.put("SYNC_ALLOW_LOCAL_STATE", "true");
        env.put("SYNC_STATE_DIRECTORY", dir.resolve(pod + "-state").toString());
        env.put("SYNC_CLUSTER_LEASE_DURATION", LEASE.toSeconds() + "s");
        env.put("SYNC_CLUSTER_RENEW_DEADLINE", "2s");
        env.put("SYNC_CLUSTER_RETRY_PERIOD", "500ms");
        // what a pod has: its name as HOSTNAME, its namespace from the downward API; here the API server's address too
        env.put("HOSTNAME", pod);
        env.put("KUBERNETES_NAMESPACE", NAMESPACE);
        env.put("KUBERNETES_MASTER", api.url("/"));
        env.put("KUBERNETES_AUTH_TRYKUBECONFIG", "false");
        env.put("KUBERNETES_AUTH_TRYSERVICEACCOUNT", "false");
        return env;
    }

    /** Creates or updates a pod of the Deployment's labels, Running, and Ready or not. */
    private static void pod(NamespacedKubernetesClient k8s, String name, boolean ready) {
        Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE)
                .addToLabels("app.kubernetes.io/name", "jira-sync").addToLabels("app.kubernetes.io/part-of",
                        "camel-jira-connector").endMetadata()
                .withNewSpec().addNewContainer().withName("jira-sync").withImage("jira-sync").endContainer().endSpec()
                .withNewStatus().withPhase("Running").addNewCondition().withType("Ready")
                .withStatus(ready ? "True" : "False").endCondition().endStatus().build();
        if (k8s.pods().inNamespace(NAMESPACE).withName(name).get() == null) {
            k8s.pods().inNamespace(NAMESPACE).resource(pod).create();
        }
        k8s.pods().inNamespace(NAMESPACE).resource(pod).updateStatus();
    }

    /** The requests the API server received since the last call. */
    private static List<RecordedRequest> drain(KubernetesMockServer api) throws InterruptedException {
        List<RecordedRequest> out = new ArrayList<>();
        for (RecordedRequest r = api.takeRequest(10, TimeUnit.MILLISECONDS); r != null;
             r = api.takeRequest(10, TimeUnit.MILLISECONDS)) {
            out.add(r);
        }
        return out;
    }

    /** Requests as RBAC permissions: {@code group/resource verb [name]}; every one in the pods' namespace. */
    private static Set<String> permissions(List<RecordedRequest> requests) {
        Set<String> out = new TreeSet<>();
        for (RecordedRequest r : requests) {
            String path = URLDecoder.decode(r.getPath(), StandardCharsets.UTF_8);
            Matcher m = API.matcher(path);
            assertThat(m.matches()).as("a namespaced API call: " + r.getMethod() + " " + path).isTrue();
            assertThat(m.group(2)).as("the pod's own namespace: " + path).isEqualTo(NAMESPACE);
            String group = m.group(1) == null ? "" : m.group(1);
            String name = m.group(4);
            String verb = switch (r.getMethod()) {
                case "GET" -> name == null ? (path.contains("watch=true") ? "watch" : "list") : "get";
                case "POST" -> "create";
                case "PUT" -> "update";
                case "PATCH" -> "patch";
                case "DELETE" -> "delete";
                default -> r.getMethod();
            };
            out.add(group + "/" + m.group(3) + " " + verb + (name == null ? "" : " [" + name + "]"));
        }
        return out;
    }

    private static boolean granted(List<JsonNode> rules, String permission) {
        Matcher p = Pattern.compile("([^/]*)/(\\S+) (\\S+)(?: \\[(.+)])?").matcher(permission);
        assertThat(p.matches()).isTrue();
        for (JsonNode rule : rules) {
            if (has(rule.path("apiGroups"), p.group(1)) && has(rule.path("resources"), p.group(2))
                    && has(rule.path("verbs"), p.group(3))
                    && (rule.path("resourceNames").isEmpty() || (p.group(4) != null && has(rule.path("resourceNames"), p.group(4))))) {
                return true;
            }
        }
        return false;
    }

    private static boolean has(JsonNode list, String value) {
        for (JsonNode v : list) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** The rules of the Role in the generated manifest. */
    private static List<JsonNode> role() throws java.io.IOException {
        Path jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode d : KubernetesManifestsIT.documents(jar.getParent().getParent().resolve("kubernetes/kubernetes.yml"))) {
            if (d.path("kind").asText().equals("Role")) {
                d.path("rules").forEach(rules::add);
            }
        }
        return rules;
    }
}
