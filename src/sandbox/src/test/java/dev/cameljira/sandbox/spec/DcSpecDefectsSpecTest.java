package dev.cameljira.sandbox.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class DcSpecDefectsSpecTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void repeatedOperationIdsAreMadeUnique() throws Exception {
        ObjectNode spec = (ObjectNode) json.readTree("""
                {"paths":{"/a":{"get":{"operationId":"getProperty"},"put":{"operationId":"setProperty"}},
                          "/b":{"get":{"operationId":"getProperty"}},"/c":{"get":{"operationId":"getProperty"}},
                          "/d":{"parameters":[],"get":{"summary":"no id"}}}}""");
        DcSpecDefects.deduplicateOperationIds(spec);
        assertThat(spec.at("/paths/~1a/get/operationId").asText()).isEqualTo("getProperty");
        assertThat(spec.at("/paths/~1b/get/operationId").asText()).isEqualTo("getProperty_dup2");
        assertThat(spec.at("/paths/~1c/get/operationId").asText()).isEqualTo("getProperty_dup3");
        assertThat(spec.at("/paths/~1a/put/operationId").asText()).isEqualTo("setProperty");
    }

    @Test
    void cloudWorkaroundAddsOnlyDefaultLocaleAndFailsLoudlyWithoutItsTarget() throws Exception {
        ObjectNode spec = (ObjectNode) json.readTree("""
                {"components":{"schemas":{"ServerInformation":{"additionalProperties":false,
                 "properties":{"baseUrl":{"type":"string"}}}}}}""");
        CloudSpecDefects.addDefaultLocale(spec);
        assertThat(spec.at("/components/schemas/ServerInformation/properties/defaultLocale/properties/locale/type")
                .asText()).isEqualTo("string");
        assertThat(spec.at("/components/schemas/ServerInformation/additionalProperties").asBoolean(true)).isFalse();
        assertThatThrownBy(() -> CloudSpecDefects.addDefaultLocale((ObjectNode) json.readTree("{}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ServerInformation");
        assertThatThrownBy(() -> CloudSpecDefects.remoteLinksOneOrMany((ObjectNode) json.readTree("{}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("remotelink");
    }

    @Test
    void aWorkaroundWhoseTargetVanishedFailsLoudly() throws Exception {
        ObjectNode spec = (ObjectNode) json.readTree("{\"paths\":{},\"components\":{\"schemas\":{}}}");
        assertThatThrownBy(() -> DcSpecDefects.apply(spec)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("IssueBean").hasMessageContaining("review DcSpecDefects");
    }
}
