package dev.cameljira.sandbox.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class OraclesTest {

    private static final String ROOT_POM = """
            <project>
              <modelVersion>4.0.0</modelVersion>
              <groupId>dev.cameljira</groupId>
              <artifactId>camel-jira-connector-parent</artifactId>
              <packaging>pom</packaging>
            </project>
            """;

    private static final String MODULE_POM = """
            <project>
              <parent>
                <groupId>dev.cameljira</groupId>
                <artifactId>camel-jira-connector-parent</artifactId>
                <version>0.1.0-SNAPSHOT</version>
              </parent>
              <artifactId>jira-sandbox</artifactId>
            </project>
            """;

    @TempDir
    Path tmp;

    @Test
    void systemPropertyOverridesTheLocation() {
        Path chosen = tmp.resolve("elsewhere");
        assertThat(Oracles.dir(Map.of(Oracles.PROPERTY, chosen.toString())::get, tmp)).isEqualTo(chosen);

        String before = System.getProperty(Oracles.PROPERTY);
        System.setProperty(Oracles.PROPERTY, chosen.toString());
        try {
            assertThat(Oracles.dir()).isEqualTo(chosen);
            assertThat(Oracles.find(Oracles.CLOUD_SPEC)).isEmpty();
        } finally {
            restore(before);
        }
    }

    @Test
    void foundNextToTheProjectRootFromAModuleSubfolder() throws IOException {
        Path root = tmp.resolve("checkout");
        Path module = root.resolve("src/sandbox");
        Path workingDir = module.resolve("target/classes");
        Files.createDirectories(workingDir);
        Files.writeString(root.resolve("pom.xml"), ROOT_POM);
        Files.writeString(module.resolve("pom.xml"), MODULE_POM);

        assertThat(Oracles.dir(name -> null, workingDir)).isEqualTo(tmp.resolve("shared/oracles"));
    }

    @Test
    void withoutAProjectRootTheNearestSharedOraclesAboveIsUsed() throws IOException {
        Path oracles = Files.createDirectories(tmp.resolve("shared/oracles"));
        Path workingDir = Files.createDirectories(tmp.resolve("scratch/spec"));
        assertThat(Oracles.dir(name -> null, workingDir)).isEqualTo(oracles);
    }

    @Test
    void aModulePomThatOnlyNamesTheRootAsParentIsNotTheRoot() throws IOException {
        Files.writeString(tmp.resolve("pom.xml"), MODULE_POM);
        assertThat(Oracles.isProjectRoot(tmp)).isFalse();
        Files.writeString(tmp.resolve("pom.xml"), ROOT_POM);
        assertThat(Oracles.isProjectRoot(tmp)).isTrue();
    }

    @Test
    void missingOracleAbortsTheTestOutsideCi() {
        Path missing = tmp.resolve("no-oracles");
        assertThatThrownBy(() -> Oracles.require(Oracles.DC_SPEC, missing, Map.<String, String>of()::get))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining(missing.resolve(Oracles.DC_SPEC).toString())
                .hasMessageContaining("-Doracles.dir");
        assertThatThrownBy(() -> Oracles.require(Oracles.DC_SPEC, missing, Map.of("CI", "false")::get))
                .isInstanceOf(TestAbortedException.class);
    }

    @Test
    void missingOracleFailsTheBuildUnderCi() {
        Path missing = tmp.resolve("no-oracles");
        assertThatThrownBy(() -> Oracles.require(Oracles.CLOUD_SPEC, missing, Map.of("CI", "true")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("oracle " + Oracles.CLOUD_SPEC + " not found at "
                        + missing.resolve(Oracles.CLOUD_SPEC))
                .hasMessageContaining("under CI");
    }

    @Test
    void presentOracleIsReturnedWhateverTheEnvironment() throws IOException {
        Path file = Files.createDirectories(tmp.resolve("jira-openapi")).resolve("swagger-v3.v3.json");
        Files.writeString(file, "{}");
        assertThat(Oracles.require(Oracles.CLOUD_SPEC, tmp, Map.of("CI", "true")::get)).isEqualTo(file);
        assertThat(Oracles.require(Oracles.CLOUD_SPEC, tmp, Map.<String, String>of()::get)).isEqualTo(file);
    }

    @Test
    void theSharedSpecsArePresentInThisBuild() {
        assertThat(Oracles.require(Oracles.CLOUD_SPEC)).isRegularFile();
        assertThat(Oracles.require(Oracles.DC_SPEC)).isRegularFile();
        assertThat(Oracles.find(Oracles.CLOUD_SPEC)).contains(Oracles.require(Oracles.CLOUD_SPEC));
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty(Oracles.PROPERTY);
        } else {
            System.setProperty(Oracles.PROPERTY, before);
        }
    }
}
