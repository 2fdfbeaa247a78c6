package it.dev.sema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 POST sent from a chosen local address (java.net.http cannot choose its source address; all of
 * 127.0.0.0/8 is loopback on Linux), so that a server sees a TCP peer other than 127.0.0.1.
 */
public final class FromAddress {

    private FromAddress() {
    }

    /**
     * @param headers extra header lines, each ending in CRLF (may be empty)
     * @return the raw response: status line, headers and body
     */
    public static String post(String localAddress, String portProperty, String path, String headers, String json)
            throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(Http.port(portProperty))), 5000);
            socket.setSoTimeout(10_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n" + headers + "Connection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }
}
