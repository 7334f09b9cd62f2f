package dev.cameljira.sandbox.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * An error a route answers with an HTTP status and a JSON body in its product's shape: Jira's
 * {@code {"errorMessages", "errors"}} ({@link ApiException}), Zendesk's and ServiceNow's own. Thrown anywhere below a
 * route handler; {@link Exchanges} turns it into the response.
 */
public abstract class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status  the HTTP status to answer
     * @param message the exception message (never a secret)
     */
    protected HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer. */
    public final int status() {
        return status;
    }

    /** The JSON error body, in the product's shape. */
    public abstract ObjectNode body();

    /**
     * Runs an emulator's admin (Java API) operation, turning its HTTP-style errors into the exceptions a Java caller
     * expects: a 404 becomes {@link NoSuchElementException} ("No such {product} record: ..."), any other
     * {@link HttpError} an {@link IllegalArgumentException}.
     */
    public static <T> T asAdminCall(String product, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (HttpError e) {
            if (e.status() == 404) {
                throw new NoSuchElementException("No such " + product + " record: " + e.getMessage());
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
