package dev.cameljira.sandbox;

import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone sandbox: {@code java -jar jira-sandbox.jar [--port N] [--mode cloud|server] [--host H] [--zone Z]}.
 * Prints the base URLs and seeded credentials and serves until stopped (Ctrl-C).
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        JiraSandbox.Builder builder = JiraSandbox.builder().port(8089);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port" -> builder.port(parsePort(value(args, ++i, arg)));
                case "--mode" -> builder.mode(parseMode(value(args, ++i, arg)));
                case "--host" -> builder.host(value(args, ++i, arg));
                case "--zone" -> builder.zone(ZoneId.of(value(args, ++i, arg)));
                case "--help", "-h" -> {
                    System.out.println("usage: java -jar jira-sandbox.jar [--port N (default 8089, 0 = free)] "
                            + "[--mode cloud|server] [--host 127.0.0.1] [--zone UTC]");
                    return;
                }
                default -> fail("unknown argument '" + arg + "' (try --help)");
            }
        }
        JiraSandbox sandbox = builder.build();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sandbox.close();
            stopped.countDown();
        }, "jira-sandbox-shutdown"));
        String base = sandbox.baseUrl();
        System.out.println("Jira sandbox (" + sandbox.mode().name().toLowerCase(Locale.ROOT) + ") listening on " + base);
        System.out.println("  Jira        " + base + "/rest/api/" + (sandbox.mode() == JiraSandbox.Mode.CLOUD ? "3 (and /rest/api/2)" : "2"));
        System.out.println("  Webhooks    " + base + "/rest/webhooks/1.0/webhook");
        System.out.println("  Zendesk     " + base + "/api/v2/   (agent " + dev.cameljira.sandbox.zendesk.ZendeskEmulator.AGENT_EMAIL
                + ", API token " + dev.cameljira.sandbox.zendesk.ZendeskEmulator.AGENT_API_TOKEN + ")");
        System.out.println("  ServiceNow  " + base + "/api/now/  (" + dev.cameljira.sandbox.servicenow.ServiceNowEmulator.ADMIN_USER
                + " / " + dev.cameljira.sandbox.servicenow.ServiceNowEmulator.ADMIN_PASSWORD + ", OAuth " + base + "/oauth_token.do)");
        String adminLogin = sandbox.mode() == JiraSandbox.Mode.CLOUD ? SandboxUsers.ADMIN_EMAIL : SandboxUsers.ADMIN_NAME + " (or " + SandboxUsers.ADMIN_EMAIL + ")";
        String userLogin = sandbox.mode() == JiraSandbox.Mode.CLOUD ? SandboxUsers.USER_EMAIL : SandboxUsers.USER_NAME + " (or " + SandboxUsers.USER_EMAIL + ")";
        System.out.println("  admin       " + adminLogin + " / " + SandboxUsers.ADMIN_TOKEN + "  (Jira administrator)");
        System.out.println("  user        " + userLogin + " / " + SandboxUsers.USER_TOKEN);
        System.out.println("  project     " + SandboxUsers.DEMO_PROJECT_KEY + " (Task, Bug, Story, Sub-task; To Do -> In Progress -> Done)");
        System.out.println("Stop with Ctrl-C.");
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            fail(option + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            fail("--port must be a number, was '" + s + "'");
            return -1;
        }
    }

    private static JiraSandbox.Mode parseMode(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "cloud" -> JiraSandbox.Mode.CLOUD;
            case "server", "dc", "datacenter" -> JiraSandbox.Mode.SERVER;
            default -> {
                fail("--mode must be cloud or server, was '" + s + "'");
                yield null;
            }
        };
    }

    private static void fail(String message) {
        System.err.println("jira-sandbox: " + message);
        System.exit(2);
    }
}
