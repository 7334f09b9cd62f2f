package dev.cameljira.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** routes/README.md lists every template parameter with the defaults the templates really have. */
class ReadmeTest {

    @Test
    void everyParameterAndDefaultIsDocumented() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (TemplateParameter p : TemplateParameter.ALL) {
            String row = readme.lines().filter(l -> l.startsWith("| `" + p.name() + "` |")).findFirst().orElse(null);
            assertThat(row).as("README row of %s", p.name()).isNotNull();
            for (SyncSystem s : SyncSystem.values()) {
                String def = p.defaultFor(s);
                if (!p.appliesTo(s) || def == null || def.isEmpty() || p.name().endsWith("Map")) {
                    continue;
                }
                assertThat(row).as("default of %s in %s", p.name(), s.templateId()).contains("`" + def + "`");
            }
            if (p.name().endsWith("Map") && p.appliesTo(SyncSystem.ZENDESK)) {
                assertThat(readme).as("default %s", p.name()).contains(p.zendeskDefault());
                assertThat(readme).contains(p.servicenowDefault());
            }
        }
    }
}
