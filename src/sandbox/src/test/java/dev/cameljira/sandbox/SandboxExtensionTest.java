package dev.cameljira.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JUnit extension injects one started sandbox per class and mode. */
@ExtendWith(SandboxExtension.class)
class SandboxExtensionTest {

    private static JiraSandbox fromBeforeAll;

    @BeforeAll
    static void capture(JiraSandbox sandbox) {
        fromBeforeAll = sandbox;
    }

    @Test
    void injectsAStartedCloudSandboxSharedByTheClass(JiraSandbox sandbox) {
        assertThat(sandbox).isSameAs(fromBeforeAll);
        assertThat(sandbox.mode()).isEqualTo(JiraSandbox.Mode.CLOUD);
        assertThat(Client.admin(sandbox).get("/rest/api/3/myself").status()).isEqualTo(200);
    }

    @Test
    void parameterAnnotationChoosesServerMode(@SandboxMode(JiraSandbox.Mode.SERVER) JiraSandbox server, JiraSandbox cloud) {
        assertThat(server.mode()).isEqualTo(JiraSandbox.Mode.SERVER);
        assertThat(cloud.mode()).isEqualTo(JiraSandbox.Mode.CLOUD);
        assertThat(server.port()).isNotEqualTo(cloud.port());
        assertThat(Client.anonymous(server).get("/rest/api/2/serverInfo").json().get("deploymentType").asText()).isEqualTo("Server");
    }

    @Nested
    @SandboxMode(JiraSandbox.Mode.SERVER)
    class ServerByClassAnnotation {
        @Test
        void classAnnotationChoosesServerMode(JiraSandbox sandbox) {
            assertThat(sandbox.mode()).isEqualTo(JiraSandbox.Mode.SERVER);
            assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port());
        }
    }
}
