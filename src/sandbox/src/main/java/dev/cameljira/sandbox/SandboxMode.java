package dev.cameljira.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the deployment {@link SandboxExtension} starts, on a test class or on a {@link JiraSandbox} parameter
 * (the parameter wins). Without it the sandbox emulates Jira Cloud.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PARAMETER})
public @interface SandboxMode {

    /** The deployment to emulate. */
    JiraSandbox.Mode value();

    /** Whether to validate exchanges against the OpenAPI spec (see {@link SandboxAdmin#specViolations()}). */
    boolean validateAgainstSpec() default false;
}
