package io.countersign.codec;

/**
 * Every bound a decoder enforces, in one immutable object, so that no token can make a decoder
 * allocate without limit (a zlib bomb, a 65535-byte length prefix repeated). Build one with
 * {@link #builder()}; {@link #DEFAULT} suits any token an official builder produces.
 */
public final class DecodeLimits {
    /** 1 MiB of token text, 1 MiB inflated, 1024 services. */
    public static final DecodeLimits DEFAULT = builder().build();

    private final int maxTokenLength;
    private final int maxInflatedLength;
    private final int maxServices;

    private DecodeLimits(Builder b) {
        this.maxTokenLength = b.maxTokenLength;
        this.maxInflatedLength = b.maxInflatedLength;
        this.maxServices = b.maxServices;
    }

    /** Longest token text accepted, in characters. */
    public int maxTokenLength() {
        return maxTokenLength;
    }

    /** Largest decompressed payload accepted, in bytes. */
    public int maxInflatedLength() {
        return maxInflatedLength;
    }

    /** Largest service count a 007 token may declare. */
    public int maxServices() {
        return maxServices;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "DecodeLimits{maxTokenLength=" + maxTokenLength + ", maxInflatedLength=" + maxInflatedLength
                + ", maxServices=" + maxServices + "}";
    }

    /** Builder for {@link DecodeLimits}; every value must be positive. */
    public static final class Builder {
        private int maxTokenLength = 1 << 20;
        private int maxInflatedLength = 1 << 20;
        private int maxServices = 1024;

        private Builder() {
        }

        public Builder maxTokenLength(int chars) {
            this.maxTokenLength = positive("maxTokenLength", chars);
            return this;
        }

        public Builder maxInflatedLength(int bytes) {
            this.maxInflatedLength = positive("maxInflatedLength", bytes);
            return this;
        }

        public Builder maxServices(int count) {
            this.maxServices = positive("maxServices", count);
            return this;
        }

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
