package dev.cameljira.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox has one HTTP plumbing: one request, response, router and error base, and one webhook sender, shared by
 * the Jira, Zendesk and ServiceNow emulators. Reads the compiled classes, so a second stack cannot creep back in.
 */
class OnePlumbingTest {

    private static final Path CLASSES = Path.of(
            ApiRequest.class.getProtectionDomain().getCodeSource().getLocation().getPath());

    private static List<Path> classes() {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(p -> p.toString().endsWith(".class")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String simpleName(Path p) {
        String file = p.getFileName().toString();
        return file.substring(0, file.length() - ".class".length());
    }

    private static boolean mentions(Path classFile, String internalName) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(internalName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thereIsOneRequestResponseAndRouter() {
        for (String name : List.of("ApiRequest", "ApiResponse", "Router", "ExchangeHandler")) {
            assertThat(classes()).filteredOn(p -> simpleName(p).equals(name)).as(name)
                    .singleElement().satisfies(p -> assertThat(p.getParent().endsWith(Path.of("sandbox", "http")))
                            .as(p.toString()).isTrue());
        }
    }

    @Test
    void onlyTheWebhookSenderPostsWebhooks() {
        assertThat(classes()).filteredOn(p -> mentions(p, "java/net/http/HttpClient"))
                .extracting(OnePlumbingTest::simpleName)
                .allMatch(n -> n.startsWith("WebhookSender"), "only WebhookSender (and its nested types)");
    }

    @Test
    void everyEmulatorServesThroughTheSharedPlumbing() {
        for (String emulator : List.of("zendesk/ZendeskEmulator", "servicenow/ServiceNowEmulator")) {
            Path classFile = CLASSES.resolve("dev/cameljira/sandbox/" + emulator + ".class");
            assertThat(mentions(classFile, "dev/cameljira/sandbox/http/Router")).as(emulator).isTrue();
            assertThat(mentions(classFile, "dev/cameljira/sandbox/http/ExchangeHandler")).as(emulator).isTrue();
        }
        assertThat(mentions(CLASSES.resolve("dev/cameljira/sandbox/SandboxHttpHandler.class"),
                "dev/cameljira/sandbox/http/ExchangeHandler")).isTrue();
    }

    @Test
    void everyProductErrorSharesOneBase() {
        for (String error : List.of("jira", "zendesk", "servicenow")) {
            String name = error.equals("jira") ? "dev.cameljira.sandbox.http.ApiException"
                    : "dev.cameljira.sandbox." + error + ".ApiException";
            assertThat(load(name)).as(name).isAssignableTo(HttpError.class);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
