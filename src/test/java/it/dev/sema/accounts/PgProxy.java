package it.dev.sema.accounts;

import it.dev.sema.Http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The control side of the TCP proxy (dev.sema.accounts.TcpProxy) between semaPgIT and PostgreSQL. */
final class PgProxy {

    private PgProxy() {
    }

    static void cut() {
        assertEquals("cut", command("cut"));
    }

    static void restore() {
        assertEquals("restored", command("restore"));
    }

    private static String command(String command) {
        int port = Integer.parseInt(Http.port("pgproxy.control.port"));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
             PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                     StandardCharsets.US_ASCII))) {
            socket.setSoTimeout(10_000);
            out.println(command);
            return in.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("TcpProxy control port " + port, e);
        }
    }
}
