package io.countersign.doctor;

import io.countersign.internal.Checks;
import io.countersign.codec.InvalidArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a token is checked against: the certificates (the App Certificate, or the Netless SK;
 * a primary and, during certificate rotation, a secondary), and optionally the service,
 * channel, uid or user account and privileges the client will use, a clock and a leeway for
 * expiry. Everything but the clock is optional. Immutable; {@link #toString()} never shows a
 * certificate.
 */
public final class Expectations {
    private final String primary;
    private final String secondary;
    private final ServiceKind service;
    private final int[] privileges;
    private final String channel;
    private final Long uid;
    private final String account;
    private final Clock clock;
    private final Duration leeway;

    private Expectations(Builder b) {
        this.primary = b.primary;
        this.secondary = b.secondary;
        this.service = b.service;
        this.privileges = b.privileges;
        this.channel = b.channel;
        this.uid = b.uid;
        this.account = b.account;
        this.clock = b.clock;
        this.leeway = b.leeway;
    }

    /** {@return nothing expected, no certificate, the system clock, no leeway: a check of expiry alone} */
    public static Expectations none() {
        return builder().build();
    }

    /** {@return a builder with nothing expected, the system clock and no leeway} */
    public static Builder builder() {
        return new Builder();
    }

    /** The certificates to try, primary first (empty, one or two). */
    String[] certificates() {
        if (primary == null) {
            return new String[0];
        }
        return secondary == null ? new String[] {primary} : new String[] {primary, secondary};
    }

    /** {@return whether a certificate was given, so the signature can be checked} */
    public boolean hasCertificate() {
        return primary != null;
    }

    /** {@return the service the client uses, if given} */
    public Optional<ServiceKind> service() {
        return Optional.ofNullable(service);
    }

    /** {@return a copy of the privilege ids of {@link #service()} the client needs} 007 numbering: RTC 1 join .. 4 data. */
    public int[] privileges() {
        return privileges.clone();
    }

    /** {@return the channel the client joins, if given} */
    public Optional<String> channel() {
        return Optional.ofNullable(channel);
    }

    /** {@return the int uid the client joins with, if given} */
    public OptionalLong uid() {
        return uid == null ? OptionalLong.empty() : OptionalLong.of(uid);
    }

    /** {@return the user account the client joins or logs in with, if given} */
    public Optional<String> account() {
        return Optional.ofNullable(account);
    }

    /** {@return the clock expiry is judged at} */
    public Clock clock() {
        return clock;
    }

    /** {@return how long after its expiry a token still counts as valid} */
    public Duration leeway() {
        return leeway;
    }

    @Override
    public String toString() {
        return "Expectations[certificates=" + certificates().length + ", service=" + service + ", privileges="
                + Arrays.toString(privileges) + ", channel=" + channel + ", uid=" + uid + ", account=" + account
                + ", clock=" + clock + ", leeway=" + leeway + "]";
    }

    /** Collects expectations; every setter checks its argument and names the field when it refuses it. */
    public static final class Builder {
        private String primary;
        private String secondary;
        private ServiceKind service;
        private int[] privileges = new int[0];
        private String channel;
        private Long uid;
        private String account;
        private Clock clock = Clock.systemUTC();
        private Duration leeway = Duration.ZERO;

        private Builder() {
        }

        /**
         * The certificate that signs (the App Certificate, or the Netless SK).
         *
         * @param certificate the certificate; never shown by {@link Expectations#toString()} or any finding
         * @return this builder
         * @throws io.countersign.codec.InvalidArgumentException if it is null
         */
        public Builder certificate(String certificate) {
            this.primary = Checks.notNull("certificate", certificate);
            return this;
        }

        /**
         * A second certificate that is also accepted, for rotation; needs a primary one.
         *
         * @param certificate the secondary certificate
         * @return this builder
         * @throws io.countersign.codec.InvalidArgumentException if it is null
         */
        public Builder secondaryCertificate(String certificate) {
            this.secondary = Checks.notNull("secondaryCertificate", certificate);
            return this;
        }

        /**
         * The service the client uses and the privileges it needs from it.
         *
         * @param service the service
         * @param privileges 007 privilege ids within 0..65535, e.g. {@code Service.Rtc.JOIN_CHANNEL}; none to check the service alone
         * @return this builder
         * @throws io.countersign.codec.InvalidArgumentException if an argument is null or an id is out of range
         */
        public Builder service(ServiceKind service, int... privileges) {
            this.service = Checks.notNull("service", service);
            for (int id : Checks.notNull("privileges", privileges)) {
                Checks.u16("privilege", id);
            }
            this.privileges = privileges.clone();
            return this;
        }

        /**
         * The channel the client joins.
         *
         * @param channel the channel name
         * @return this builder
         * @throws io.countersign.codec.InvalidArgumentException if it is null
         */
        public Builder channel(String channel) {
            this.channel = Checks.notNull("channel", channel);
            return this;
        }

        /**
         * The int uid the client joins with; excludes {@link #account(String)}.
         *
         * @param uid within 0..4294967295
         * @return this builder
         * @throws io.countersign.codec.InvalidArgumentException if it is out of range
         */
        public Builder uid(long uid) {
            this.uid = Checks.u32("uid", uid);
            return this;
        }

        /**
         * The user account the client joins or logs in with; excludes {@link #uid(long)}.
         *
         * @param account the account
         * @return this builder
         * @throws io.countersign.codec.InvalidArgumentException if it is null
         */
        public Builder account(String account) {
            this.account = Checks.notNull("account", account);
            return this;
        }

        /**
         * The clock expiry is judged at, the system clock by default.
         *
         * @param clock the clock
         * @return this builder
         * @throws io.countersign.codec.InvalidArgumentException if it is null
         */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull("clock", clock);
            return this;
        }

        /**
         * How long after its expiry a token still counts as valid (clock skew), zero by default.
         *
         * @param leeway not negative
         * @return this builder
         * @throws io.countersign.codec.InvalidArgumentException if it is null or negative
         */
        public Builder leeway(Duration leeway) {
            if (Checks.notNull("leeway", leeway).isNegative()) {
                throw new InvalidArgumentException("leeway", "must not be negative, was " + leeway);
            }
            this.leeway = leeway;
            return this;
        }

        /**
         * {@return the expectations}
         *
         * @throws io.countersign.codec.InvalidArgumentException if both a uid and an account were given, or a secondary certificate without a primary
         */
        public Expectations build() {
            if (uid != null && account != null) {
                throw new InvalidArgumentException("account", "give a uid or an account, not both");
            }
            if (secondary != null && primary == null) {
                throw new InvalidArgumentException("secondaryCertificate", "needs a primary certificate");
            }
            return new Expectations(this);
        }
    }
}
