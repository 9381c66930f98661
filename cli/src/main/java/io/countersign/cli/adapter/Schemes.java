package io.countersign.cli.adapter;

import java.util.List;

/** Every scheme the adapter and the command line speak; add a scheme here to expose it. */
public final class Schemes {
    private Schemes() {
    }

    public static List<Scheme> all() {
        return List.of(new AccessToken2Scheme(), new AccessTokenScheme(), new DynamicKey5Scheme(), new SignalingScheme(),
                new NetlessScheme());
    }
}
