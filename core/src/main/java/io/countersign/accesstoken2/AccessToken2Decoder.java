package io.countersign.accesstoken2;

import io.countersign.internal.Base64Codec;
import io.countersign.codec.ByteString;
import io.countersign.internal.Checks;
import io.countersign.codec.DecodeLimits;
import io.countersign.internal.PackedReader;
import io.countersign.codec.TokenDecoder;
import io.countersign.codec.TokenFormatException;
import io.countersign.codec.TokenFormatException.Reason;
import io.countersign.internal.Zlib;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes 007 tokens strictly: the prefix, canonical base64, one complete zlib stream within
 * {@link DecodeLimits}, every length and count within the payload, no bytes after the last
 * service. Decoding stops at the first unknown service type and keeps the rest of the signed
 * bytes raw. Every failure is a {@link TokenFormatException}. Not thread-safe (it reuses its
 * inflater): keep one per thread, or use {@link AccessToken2Codec#decode(String)}.
 */
public final class AccessToken2Decoder extends TokenDecoder<DecodedAccessToken2> implements AutoCloseable {
    private final Zlib zlib = new Zlib();

    /** A decoder within {@link DecodeLimits#DEFAULT}. */
    public AccessToken2Decoder() {
        this(DecodeLimits.DEFAULT);
    }

    /**
     * A decoder within {@code limits}.
     *
     * @param limits the bounds on token length, inflated size, services and RTM2 entries
     * @throws io.countersign.codec.InvalidArgumentException if {@code limits} is null
     */
    public AccessToken2Decoder(DecodeLimits limits) {
        super(limits);
    }

    @Override
    protected DecodedAccessToken2 decodeText(String token) {
        requireVersion(token, AccessToken2.VERSION, "a 007 token");
        byte[] compressed = Base64Codec.STANDARD.decode("token", token, AccessToken2.VERSION.length());
        int length = zlib.inflate(compressed, limits());
        if (length == 0) {
            throw new TokenFormatException(Reason.EMPTY, "payload", 0, "the payload inflates to nothing");
        }
        return parse(zlib.inflatedArray(), length);
    }

    private DecodedAccessToken2 parse(byte[] payload, int length) {
        PackedReader r = new PackedReader(payload, 0, length);
        ByteString signature = r.readBytes("signature");
        int infoStart = r.position();
        ByteString appIdBytes = r.readBytes("appId");
        long issueTs = r.readU32("issueTs");
        long expire = r.readU32("expire");
        long salt = r.readU32("salt");
        int count = r.readU16("services count");
        if (count > limits().maxServices()) {
            throw new TokenFormatException(Reason.TOO_LARGE, "services count", r.position() - 2,
                    count + " services, the limit is " + limits().maxServices());
        }
        String appId = appIdBytes.utf8String();
        if (!Checks.isHex32(appId)) {
            throw new TokenFormatException(Reason.BAD_VALUE, "appId", infoStart, "appId is not 32 hexadecimal characters");
        }
        List<Service> services = new ArrayList<>(Math.min(count, 16));
        ServiceCodec.Rtm2Budget rtm2Budget = new ServiceCodec.Rtm2Budget(limits().maxRtm2Entries());
        ByteString unparsed = ByteString.EMPTY;
        for (int i = 0; i < count; i++) {
            int serviceStart = r.position();
            int type = r.readU16("services[" + i + "].type");
            if (type < 1 || type > Service.MAX_KNOWN_TYPE) {
                unparsed = ByteString.copyOf(payload, serviceStart, length - serviceStart);
                break;
            }
            services.add(ServiceCodec.unpack(type, r, "services[" + i + "]", rtm2Budget));
        }
        if (unparsed.length() == 0) {
            r.requireEnd("services[" + (count - 1) + "]");
        }
        ByteString signingInfo = ByteString.copyOf(payload, infoStart, length - infoStart);
        return new DecodedAccessToken2(new AccessToken2(appId, issueTs, expire, salt, services), signature, signingInfo, unparsed);
    }

    /**
     * Frees the native memory of its zlib streams now rather than at garbage collection; do not use the decoder afterwards.
     */
    @Override
    public void close() {
        zlib.close();
    }
}
