package io.countersign.conformance;

import java.util.List;

/**
 * Who is under test, as the vectors' "sources" name implementations: "official-node agora-token
 * 2.0.6" is a family ("official-node") and a package with its version. An implementation is
 * among a vector's sources when its name has the same family and contains the package and
 * version, so "official-node agora-token 2.0.6, netless-token 1.0.2" speaks for both those Node
 * packages, and "official-go github.com/AgoraIO-Community/go-tokenbuilder v1.5.0" for the source
 * "official-go go-tokenbuilder v1.5.0".
 *
 * @param name the --name given, else the implementation string its {@code hello} returned
 */
record Identity(String name) {
    /**
     * {@code name} when given (it replaces what hello says: an adapter over several packages may
     * answer plain requests from only some of them), else the {@code hello} implementation string.
     */
    static Identity of(String name, String helloImplementation) {
        if (name != null && !name.isBlank()) {
            return new Identity(name.trim());
        }
        if (helloImplementation != null && !helloImplementation.isBlank()) {
            return new Identity(helloImplementation.trim());
        }
        return new Identity("unnamed implementation");
    }

    /** Whether any of {@code sources} names this implementation. */
    boolean isAmong(List<String> sources) {
        for (String source : sources) {
            String s = source.trim();
            String family = firstWord(s);
            String rest = s.substring(family.length()).trim();
            if (family.equals(firstWord(name)) && (rest.isEmpty() || name.substring(family.length()).contains(rest))) {
                return true;
            }
        }
        return false;
    }

    private static String firstWord(String s) {
        int space = s.indexOf(' ');
        return space < 0 ? s : s.substring(0, space);
    }
}
