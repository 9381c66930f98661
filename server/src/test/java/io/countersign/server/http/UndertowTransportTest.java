package io.countersign.server.http;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UndertowTransportTest {
    private static final byte[] PONG = "{\"message\":\"pong\"}".getBytes(StandardCharsets.UTF_8);

    private UndertowTransport transport;

    @AfterEach
    void stop() {
        transport.stop(Duration.ZERO);
    }

    /**
     * Past the connection cap a client is not served (it waits in the backlog) until a served
     * connection closes; then it is. Shown with a cap of 2 instead of the real 10,000.
     */
    @Test
    void shouldServeNoMoreConnectionsThanTheCapUntilOneCloses() throws Exception {
        transport = new UndertowTransport(2);
        InetSocketAddress at = transport.start("127.0.0.1", 0, 1024, 1, request -> HttpResponse.json(200, PONG));
        try (Socket first = connect(at); Socket second = connect(at); Socket third = connect(at)) {
            assertTrue(exchange(first).startsWith("HTTP/1.1 200"));
            assertTrue(exchange(second).startsWith("HTTP/1.1 200"));
            send(third);
            third.setSoTimeout(700);
            assertThrows(SocketTimeoutException.class, () -> third.getInputStream().read(),
                    "a third connection was served while two were open");
            first.close();
            third.setSoTimeout(10_000);
            assertTrue(RawHttp.readResponse(third.getInputStream()).startsWith("HTTP/1.1 200"));
        }
    }

    private static Socket connect(InetSocketAddress at) throws IOException {
        Socket socket = new Socket();
        socket.connect(at, 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET /ping HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One keep-alive request and its response; the connection stays open. */
    private static String exchange(Socket socket) throws IOException {
        send(socket);
        return RawHttp.readResponse(socket.getInputStream());
    }
}
