package io.countersign.codec;

/**
 * Every bound a decoder enforces, in one immutable object, so that no token can make a decoder
 * allocate without limit (a zlib bomb, a 65535-byte length prefix repeated). Build one with
 * {@link #builder()}; {@link #DEFAULT} suits any token an official builder produces.
 */
public final class DecodeLimits {
    /** 1 MiB of token text, 1 MiB inflated, 1024 services, 1024 RTM2 permission entries. */
    public static final DecodeLimits DEFAULT = builder().build();

    private final int maxTokenLength;
    private final int maxInflatedLength;
    private final int maxServices;
    private final int maxRtm2Entries;

    private DecodeLimits(Builder b) {
        this.maxTokenLength = b.maxTokenLength;
        this.maxInflatedLength = b.maxInflatedLength;
        this.maxServices = b.maxServices;
        this.maxRtm2Entries = b.maxRtm2Entries;
    }

    /** {@return the longest token text accepted, in characters} 1 MiB by default. */
    public int maxTokenLength() {
        return maxTokenLength;
    }

    /** {@return the largest decompressed payload accepted, in bytes} 1 MiB by default. */
    public int maxInflatedLength() {
        return maxInflatedLength;
    }

    /** {@return the largest service count a 007 token may declare} 1024 by default. */
    public int maxServices() {
        return maxServices;
    }

    /**
     * Most RTM2 permission entries a 007 token may carry: resource types, permission types and
     * resource names of all its RTM2 services counted together. Without it, a 1.3 KB token of
     * empty names inflates to 900 KB that decodes into some 460,000 objects.
     *
     * @return the entry budget shared by a token's RTM2 services; 1024 by default
     */
    public int maxRtm2Entries() {
        return maxRtm2Entries;
    }

    /** {@return a builder starting from the defaults of {@link #DEFAULT}} */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "DecodeLimits{maxTokenLength=" + maxTokenLength + ", maxInflatedLength=" + maxInflatedLength
                + ", maxServices=" + maxServices + ", maxRtm2Entries=" + maxRtm2Entries + "}";
    }

    /** Builder for {@link DecodeLimits}; every value must be positive. */
    public static final class Builder {
        private int maxTokenLength = 1 << 20;
        private int maxInflatedLength = 1 << 20;
        private int maxServices = 1024;
        private int maxRtm2Entries = 1024;

        private Builder() {
        }

        /**
         * Sets {@link DecodeLimits#maxTokenLength()}.
         *
         * @param chars the longest token text accepted, in characters; positive
         * @return this builder
         * @throws InvalidArgumentException if {@code chars} is not positive
         */
        public Builder maxTokenLength(int chars) {
            this.maxTokenLength = positive("maxTokenLength", chars);
            return this;
        }

        /**
         * Sets {@link DecodeLimits#maxInflatedLength()}.
         *
         * @param bytes the largest decompressed payload accepted; positive
         * @return this builder
         * @throws InvalidArgumentException if {@code bytes} is not positive
         */
        public Builder maxInflatedLength(int bytes) {
            this.maxInflatedLength = positive("maxInflatedLength", bytes);
            return this;
        }

        /**
         * Sets {@link DecodeLimits#maxServices()}.
         *
         * @param count the largest service count a 007 token may declare; positive
         * @return this builder
         * @throws InvalidArgumentException if {@code count} is not positive
         */
        public Builder maxServices(int count) {
            this.maxServices = positive("maxServices", count);
            return this;
        }

        /**
         * Sets {@link DecodeLimits#maxRtm2Entries()}.
         *
         * @param count the most RTM2 permission entries a 007 token may carry; positive
         * @return this builder
         * @throws InvalidArgumentException if {@code count} is not positive
         */
        public Builder maxRtm2Entries(int count) {
            this.maxRtm2Entries = positive("maxRtm2Entries", count);
            return this;
        }

        /** {@return the limits set so far; the builder may go on being used} */
        public DecodeLimits build() {
            return new DecodeLimits(this);
        }

        private static int positive(String name, int value) {
            if (value <= 0) {
                throw new InvalidArgumentException(name, "must be positive, was " + value);
            }
            return value;
        }
    }
}
