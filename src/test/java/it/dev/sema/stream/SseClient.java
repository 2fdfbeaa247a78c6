package it.dev.sema.stream;

import it.dev.sema.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /api/v1/translate/stream} over a plain socket, so that a test decides exactly when the connection
 * closes (an HTTP client library may keep it, or read ahead). HTTP/1.1 with {@code Connection: close}; a chunked
 * body is de-chunked; events are parsed as the SSE format says (event, id, data lines; a blank line ends one).
 */
final class SseClient implements AutoCloseable {

    /** One event: its name, id (or null) and JSON data. */
    record Event(String name, String id, JsonObject data) {
    }

    private final Socket socket;
    private final InputStream body;
    final int status;
    final Map<String, String> headers;

    private SseClient(Socket socket, InputStream body, int status, Map<String, String> headers) {
        this.socket = socket;
        this.body = body;
        this.status = status;
        this.headers = headers;
    }

    /** Sends the request and reads the status line and headers; each read then waits at most {@code readTimeout}. */
    static SseClient open(Http server, String json, Map<String, String> extraHeaders, Duration readTimeout)
            throws IOException {
        URI uri = server.uri("/api/v1/translate/stream");
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout((int) readTimeout.toMillis());
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder("POST " + uri.getPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
                + ":" + uri.getPort() + "\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\n"
                + "Connection: close\r\nContent-Length: " + payload.length + "\r\n");
        extraHeaders.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(payload);
        out.flush();
        InputStream in = socket.getInputStream();
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
        return new SseClient(socket, chunked ? new Dechunked(in) : in, status, headers);
    }

    /** The next event, or null at the end of the stream. */
    Event next() throws IOException {
        String name = "message";
        String id = null;
        StringBuilder data = new StringBuilder();
        boolean any = false;
        while (true) {
            String line = utf8Line(body);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                if (any) {
                    return new Event(name, id, Json.createReader(new StringReader(data.toString())).readObject());
                }
                continue;
            }
            any = true;
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).stripLeading());
            }
        }
    }

    /** Every event up to the end of the stream. */
    List<Event> readAll() throws IOException {
        List<Event> events = new ArrayList<>();
        for (Event e = next(); e != null; e = next()) {
            events.add(e);
        }
        return events;
    }

    /** The rest of the body as text (for a response that is not a stream). */
    String rest() throws IOException {
        return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private static String line(InputStream in) throws IOException {
        String line = utf8Line(in);
        if (line == null) {
            throw new IOException("connection closed in the headers");
        }
        return line;
    }

    /** A line without its CR LF (or LF), or null at the end of the stream. */
    private static String utf8Line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            bytes.write(b);
        }
        if (b == -1 && bytes.size() == 0) {
            return null;
        }
        String line = bytes.toString(StandardCharsets.UTF_8);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The payload of a chunked body. */
    private static final class Dechunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean ended;

        Dechunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            if (ended) {
                return -1;
            }
            if (left == 0) {
                String size = utf8Line(in);
                while (size != null && size.isEmpty()) {
                    size = utf8Line(in); // the CR LF after the previous chunk
                }
                if (size == null) {
                    ended = true;
                    return -1;
                }
                left = Long.parseLong(size.split(";")[0].strip(), 16);
                if (left == 0) {
                    ended = true;
                    return -1;
                }
            }
            left--;
            return in.read();
        }
    }
}
