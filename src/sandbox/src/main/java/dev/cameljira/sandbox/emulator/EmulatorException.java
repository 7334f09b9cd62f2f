package dev.cameljira.sandbox.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * An error an emulator answers with its own JSON error shape. Each emulator subclasses it for its product's body;
 * {@link ExchangeHandler} turns it into the HTTP answer.
 */
public abstract class EmulatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status  the HTTP status to answer
     * @param message the exception message (never a secret)
     */
    protected EmulatorException(int status, String message) {
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
     * {@link EmulatorException} an {@link IllegalArgumentException}.
     */
    public static <T> T asAdminCall(String product, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (EmulatorException e) {
            if (e.status() == 404) {
                throw new NoSuchElementException("No such " + product + " record: " + e.getMessage());
            }
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
