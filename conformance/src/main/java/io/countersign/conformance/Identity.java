package io.countersign.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Who is under test, as the vectors' "sources" name implementations: "official-node agora-token
 * 2.0.6" is a family ("official-node") and a package with its version. An implementation is
 * among a vector's sources when its label (the --name given, else the implementation string its
 * {@code hello} returned) has the same family and contains the package and version, so
 * "official-node agora-token 2.0.6, netless-token 1.0.2" speaks for both those Node packages.
 */
public record Identity(String name, List<String> labels) {
    public Identity {
        labels = List.copyOf(labels);
    }

    /**
     * {@code name} when given (it replaces what hello says: an adapter over several packages may
     * answer plain requests from only some of them), else the {@code hello} implementation string.
     */
    public static Identity of(String name, String helloImplementation) {
        List<String> labels = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            labels.add(name.trim());
        } else if (helloImplementation != null && !helloImplementation.isBlank()) {
            labels.add(helloImplementation.trim());
        }
        String display = !labels.isEmpty() ? labels.get(0) : "unnamed implementation";
        return new Identity(display, labels);
    }

    /** Whether any of {@code sources} names this implementation. */
    public boolean isAmong(List<String> sources) {
        for (String source : sources) {
            for (String label : labels) {
                if (names(source.trim(), label)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean names(String source, String label) {
        String family = firstWord(source);
        if (!family.equals(firstWord(label))) {
            return false;
        }
        String rest = source.substring(family.length()).trim();
        return rest.isEmpty() || label.substring(family.length()).contains(rest);
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }
}
