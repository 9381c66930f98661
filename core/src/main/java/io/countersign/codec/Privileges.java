package io.countersign.codec;


import io.countersign.internal.Checks;
import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Privileges as 006 and 007 tokens pack them: u16 privilege id to u32 value (seconds or a
 * timestamp), kept sorted by id because every official implementation packs them from a
 * sorted map. Immutable.
 */
public final class Privileges {
    /** No privileges at all. */
    public static final Privileges NONE = new Privileges(new int[0], new long[0]);

    private final int[] ids;
    private final long[] values;

    private Privileges(int[] ids, long[] values) {
        this.ids = ids;
        this.values = values;
    }

    /**
     * One privilege.
     *
     * @param id the privilege id, a u16 (e.g. 1 for joining a channel)
     * @param value its value, a u32: seconds after issue, or a unix timestamp for 006
     * @return the single-entry set
     * @throws InvalidArgumentException if {@code id} or {@code value} is out of range
     */
    public static Privileges of(int id, long value) {
        return builder().put(id, value).build();
    }

    /**
     * From a map of id to value; ids and values are range-checked as by {@link Builder#put(int, long)}.
     *
     * @param map privilege id to value; no null key or value
     * @return the privileges, sorted by id
     * @throws InvalidArgumentException if an id or value is null or out of range
     */
    public static Privileges of(java.util.Map<Integer, Long> map) {
        Builder b = builder();
        map.forEach((id, value) -> b.put(Checks.notNull("privilege id", id), Checks.notNull("privilege " + id, value)));
        return b.build();
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return how many privileges there are} */
    public int size() {
        return ids.length;
    }

    /**
     * The i-th privilege id in ascending order.
     *
     * @param i from 0 to {@link #size()} - 1
     * @return the id, a u16
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public int idAt(int i) {
        return ids[i];
    }

    /**
     * The value of the i-th privilege, in the order of {@link #idAt(int)}.
     *
     * @param i from 0 to {@link #size()} - 1
     * @return the value, a u32
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public long valueAt(int i) {
        return values[i];
    }

    /**
     * The value of privilege {@code id}.
     *
     * @param id the privilege id
     * @return its value, or -1 if absent (no real value is negative)
     */
    public long get(int id) {
        int i = Arrays.binarySearch(ids, id);
        return i >= 0 ? values[i] : -1;
    }

    /** {@return the privileges as an unmodifiable map sorted by id} */
    public SortedMap<Integer, Long> toMap() {
        TreeMap<Integer, Long> map = new TreeMap<>();
        for (int i = 0; i < ids.length; i++) {
            map.put(ids[i], values[i]);
        }
        return Collections.unmodifiableSortedMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Privileges && Arrays.equals(ids, ((Privileges) o).ids) && Arrays.equals(values, ((Privileges) o).values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(ids) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return toMap().toString();
    }

    /** Collects privileges in id order; a repeated id keeps the last value, as the official maps do. */
    public static final class Builder {
        private int[] ids = new int[4];
        private long[] values = new long[4];
        private int size;

        private Builder() {
        }

        /**
         * Sets privilege {@code id} to {@code value}, replacing an earlier value for the same id.
         *
         * @param id the privilege id, within 0..65535 (u16)
         * @param value its value, within 0..4294967295 (u32)
         * @return this builder
         * @throws InvalidArgumentException if {@code id} or {@code value} is out of range
         */
        public Builder put(int id, long value) {
            Checks.u16("privilege id", id);
            if (value < 0 || value > Checks.U32_MAX) {
                Checks.u32("privilege " + id, value); // throws; the message is built only on failure
            }
            int at = Arrays.binarySearch(ids, 0, size, id);
            if (at >= 0) {
                values[at] = value;
                return this;
            }
            at = -at - 1;
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            System.arraycopy(ids, at, ids, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
            ids[at] = id;
            values[at] = value;
            size++;
            return this;
        }

        /** {@return the privileges put so far, sorted by id ({@link Privileges#NONE} if none)} */
        public Privileges build() {
            return size == 0 ? NONE : new Privileges(Arrays.copyOf(ids, size), Arrays.copyOf(values, size));
        }
    }
}
