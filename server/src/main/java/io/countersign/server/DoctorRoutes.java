package io.countersign.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.countersign.doctor.DoctorData;
import io.countersign.doctor.Expectations;
import io.countersign.doctor.ServiceKind;
import io.countersign.doctor.TokenDoctor;
import io.countersign.server.http.HttpRequest;
import io.countersign.server.http.HttpResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The token doctor over HTTP, with the core's words ({@link TokenDoctor}):
 * <ul>
 * <li>{@code GET /} the inspector page: decodes and checks tokens in the browser; its own
 *     Content-Security-Policy forbids every request, so nothing typed into it leaves it;</li>
 * <li>{@code POST /v1/verify} {"token", "channelName"?, "uid"?, "account"?, "service"?,
 *     "privileges"?: [...], "leeway"?} -> {"verdict", "signature", "findings", "inspection", ...}
 *     ({@link DoctorData}), checked against the server's certificates: the primary and, during
 *     rotation, the secondary one (the Netless SK for Netless tokens). Every token gets 200 with
 *     its verdict, a malformed one included; a bad request body gets 400 naming the field.</li>
 * </ul>
 */
final class DoctorRoutes {
    /** The page allows its own inline script and style and nothing else: no fetch, no form, no image from outside. */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
            + "img-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final byte[] PAGE = page();

    private final ServerConfig config;
    private final Clock clock;

    DoctorRoutes(ServerConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    List<Api.Route> routes() {
        return List.of(
                new Api.Route("/", Set.of("GET"), true, true, Api.NATIVE, this::page),
                new Api.Route("/v1/verify", Set.of("POST"), false, true, Api.NATIVE, this::verify));
    }

    private HttpResponse page(HttpRequest request, String[] params) {
        return new HttpResponse(200, "text/html; charset=utf-8", PAGE)
                .header("Content-Security-Policy", PAGE_POLICY)
                .header("Referrer-Policy", "no-referrer");
    }

    private HttpResponse verify(HttpRequest request, String[] params) {
        ObjectNode body = JsonBodies.object(request.body());
        String token = JsonBodies.optionalText(body, "token");
        if (token == null) {
            throw HttpError.badRequest("token", "token: required");
        }
        Expectations.Builder expected = Expectations.builder().clock(clock);
        if (token.startsWith("NETLESS")) {
            if (config.hasNetless()) {
                expected.certificate(config.netlessSk().reveal());
            }
        } else if (config.hasAgora()) {
            expected.certificate(config.appCertificate().reveal());
            if (config.appCertificateSecondary() != null) {
                expected.secondaryCertificate(config.appCertificateSecondary().reveal());
            }
        }
        String channel = JsonBodies.optionalText(body, "channelName");
        if (channel != null) {
            expected.channel(channel);
        }
        Long uid = JsonBodies.optionalInteger(body, "uid");
        String account = JsonBodies.optionalText(body, "account");
        if (uid != null && account != null) {
            throw HttpError.badRequest("account", "account: give uid or account, not both");
        }
        if (uid != null) {
            if (uid < 0 || uid > 0xFFFF_FFFFL) {
                throw HttpError.invalid("uid", "uid: a uid is 0..4294967295 (0 means any uid), was " + uid);
            }
            expected.uid(uid);
        }
        if (account != null) {
            expected.account(account);
        }
        service(body, expected);
        Long leeway = JsonBodies.optionalInteger(body, "leeway");
        if (leeway != null) {
            if (leeway < 0 || leeway > config.maxExpire()) {
                throw HttpError.invalid("leeway", "leeway: 0.." + config.maxExpire() + " seconds, was " + leeway);
            }
            expected.leeway(Duration.ofSeconds(leeway));
        }
        return HttpResponse.json(200, JsonBodies.bytes(JsonBodies.tree(DoctorData.of(TokenDoctor.check(token, expected.build(), TokenRoutes.DECODE_LIMITS)))));
    }

    private static void service(ObjectNode body, Expectations.Builder expected) {
        String name = JsonBodies.optionalText(body, "service");
        JsonNode privileges = body.get("privileges");
        boolean anyPrivilege = privileges != null && !privileges.isNull();
        if (name == null) {
            if (anyPrivilege) {
                throw HttpError.badRequest("privileges", "privileges: needs a service");
            }
            return;
        }
        ServiceKind kind = ServiceKind.ofName(name);
        if (kind == null) {
            throw HttpError.invalid("service", "service: one of rtc, rtm, streaming, fpa, chat, fcdn, apaas, rtm2, convoai, stt");
        }
        if (anyPrivilege && !privileges.isArray()) {
            throw HttpError.badRequest("privileges", "privileges: must be an array of names or ids");
        }
        int[] ids = new int[anyPrivilege ? privileges.size() : 0];
        for (int i = 0; i < ids.length; i++) {
            JsonNode p = privileges.get(i);
            ids[i] = p.isTextual() || p.isIntegralNumber() ? kind.privilegeId(p.asText()) : -1;
            if (ids[i] < 0) {
                throw HttpError.invalid("privileges[" + i + "]", "privileges[" + i + "]: " + kind.label()
                        + " has no such privilege (official names such as " + kind.privilegeName(1) + ", or ids)");
            }
        }
        expected.service(kind, ids);
    }

    private static byte[] page() {
        try (InputStream in = DoctorRoutes.class.getResourceAsStream("/inspector/index.html")) {
            if (in == null) {
                throw new IllegalStateException("inspector/index.html is missing from the server's resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
