package dev.cameljira.sandbox;

import java.lang.reflect.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension injecting a started {@link JiraSandbox} into test methods, lifecycle methods and constructors.
 * One sandbox per test class and configuration (mode, validation), closed after the class; state is shared by the
 * class's tests. Choose Server mode with {@link SandboxMode} on the class or the parameter.
 *
 * <pre>{@code
 * @ExtendWith(SandboxExtension.class)
 * @SandboxMode(JiraSandbox.Mode.SERVER)
 * class MyTest {
 *     @Test void works(JiraSandbox jira) { ... }
 * }
 * }</pre>
 */
public final class SandboxExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SandboxExtension.class);

    /** Closes the sandbox when the class's extension store is closed. */
    private record Holder(JiraSandbox sandbox) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            sandbox.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == JiraSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        SandboxMode config = Optional.ofNullable(parameter.getAnnotation(SandboxMode.class))
                .or(() -> extensionContext.getTestClass().flatMap(SandboxExtension::classConfig))
                .orElse(null);
        JiraSandbox.Mode mode = config == null ? JiraSandbox.Mode.CLOUD : config.value();
        boolean validate = config != null && config.validateAgainstSpec();
        ExtensionContext classContext = classContext(extensionContext);
        String key = "sandbox-" + mode + "-" + validate;
        Holder holder = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(key,
                k -> new Holder(JiraSandbox.builder().mode(mode).validateAgainstSpec(validate).build()), Holder.class);
        if (holder == null) {
            throw new ParameterResolutionException("could not start a JiraSandbox");
        }
        return holder.sandbox();
    }

    private static Optional<SandboxMode> classConfig(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            SandboxMode m = c.getAnnotation(SandboxMode.class);
            if (m != null) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
