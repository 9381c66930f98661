package io.countersign.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The countersign release this library belongs to, as its build wrote it (one place for every {@code --version}). */
public final class Version {
    private static final String CURRENT = read();

    private Version() {
    }

    /**
     * The release, e.g. {@code 0.2.0}.
     *
     * @return the version of the countersign build on the class or module path
     */
    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from countersign-core");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
