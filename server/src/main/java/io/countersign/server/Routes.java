package io.countersign.server;

/** What the route classes share. */
final class Routes {
    private Routes() {
    }

    static void requireAgora(ServerConfig config) {
        if (!config.hasAgora()) {
            throw new HttpError(501, HttpError.NOT_CONFIGURED, null,
                    "this server has no App ID and App Certificate (set AGORA_APP_ID and AGORA_APP_CERTIFICATE)");
        }
    }

    static void requireNetless(ServerConfig config) {
        if (!config.hasNetless()) {
            throw new HttpError(501, HttpError.NOT_CONFIGURED, null,
                    "this server has no Netless AK and SK (set NETLESS_AK and NETLESS_SK)");
        }
    }
}
