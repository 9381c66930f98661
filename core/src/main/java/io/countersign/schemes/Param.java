package io.countersign.schemes;

/**
 * One builder argument: its name (the official Node API's, as the adapter protocol uses it),
 * its kind of value, what it means, and whether a call may leave it out.
 *
 * @param name the name, e.g. {@code "channelName"}
 * @param type the kind of value
 * @param meaning what it means, whatever the builder calls it
 * @param optional whether a call may leave it out (the official API defaults it, or ignores it)
 */
public record Param(String name, Type type, Meaning meaning, boolean optional) {
    /** The kind of value, in the plain-data (JSON) model. */
    public enum Type {
        /** A string. */
        TEXT,
        /** An integer. */
        INTEGER,
        /** RTM2 permissions: a list of resource objects. */
        PERMISSIONS,
        /** An object of strings (Netless content). */
        OBJECT
    }

    static Param text(String name, Meaning meaning) {
        return new Param(name, Type.TEXT, meaning, false);
    }

    static Param integer(String name, Meaning meaning) {
        return new Param(name, Type.INTEGER, meaning, false);
    }

    Param orAbsent() {
        return new Param(name, type, meaning, true);
    }
}
