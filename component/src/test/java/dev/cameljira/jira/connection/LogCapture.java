package dev.cameljira.jira.connection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures what is logged while it is open. slf4j-simple (the test binding) writes to whatever {@code System.err} is at
 * the time of writing, so a tee on System.err sees every log line (and anything else printed there). The given
 * component loggers are lowered to TRACE for the duration: through slf4j-simple's system property for loggers created
 * from now on, and directly on the logger object for those that exist already (slf4j has no API to change a level, so
 * this sets slf4j-simple's {@code currentLogLevel} field; the previous level is restored on close).
 */
final class LogCapture implements AutoCloseable {

    private static final String PROPERTY_PREFIX = "org.slf4j.simpleLogger.log.";
    private static final int TRACE = 0;

    private final PrintStream originalErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private final String packageName;
    private final String previousProperty;
    private final Map<Logger, Integer> previousLevels = new LinkedHashMap<>();

    private LogCapture(String packageName, Class<?>... loggerClasses) {
        this.packageName = packageName;
        this.previousProperty = System.setProperty(PROPERTY_PREFIX + packageName, "trace");
        for (Class<?> type : loggerClasses) {
            Logger logger = LoggerFactory.getLogger(type);
            Integer before = setLevel(logger, TRACE);
            if (before != null) {
                previousLevels.put(logger, before);
            }
        }
        System.setErr(new PrintStream(new Tee(originalErr, captured), true, StandardCharsets.UTF_8));
    }

    /** Starts capturing, with every logger of {@code packageName} (and the given classes' loggers) at TRACE. */
    static LogCapture start(String packageName, Class<?>... loggerClasses) {
        return new LogCapture(packageName, loggerClasses);
    }

    /** Everything written to System.err since the capture started. */
    String text() {
        System.err.flush();
        synchronized (captured) {
            return captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        System.err.flush();
        System.setErr(originalErr);
        previousLevels.forEach(LogCapture::setLevel);
        if (previousProperty == null) {
            System.clearProperty(PROPERTY_PREFIX + packageName);
        } else {
            System.setProperty(PROPERTY_PREFIX + packageName, previousProperty);
        }
    }

    /** Sets slf4j-simple's level field; returns the previous level, or null when the binding is not slf4j-simple. */
    private static Integer setLevel(Logger logger, int level) {
        try {
            Field f = Class.forName("org.slf4j.simple.SimpleLogger").getDeclaredField("currentLogLevel");
            if (!f.getDeclaringClass().isInstance(logger)) {
                return null;
            }
            f.setAccessible(true);
            int before = f.getInt(logger);
            f.setInt(logger, level);
            return before;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("cannot lower the level of " + logger.getName() + " for the log capture: " + e, e);
        }
    }

    /** Writes to the original stream and to the capture buffer. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final ByteArrayOutputStream second;

        Tee(OutputStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) {
            synchronized (second) {
                second.write(b);
            }
            try {
                first.write(b);
            } catch (IOException e) {
                // the console is best effort; the capture is what the test reads
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (second) {
                second.write(b, off, len);
            }
            try {
                first.write(b, off, len);
            } catch (IOException e) {
                // as above
            }
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
