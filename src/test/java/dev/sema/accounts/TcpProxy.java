package dev.sema.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy that a test can cut: between a server under test and its database, so the test can take the database
 * away mid-load without stopping a database others use. On {@code cut} every proxied connection is closed at once
 * (both sides see a reset, as when a network path dies) and new ones are closed as soon as they are accepted; on
 * {@code restore} it proxies again. Controlled by one line per connection to the control port ({@code cut},
 * {@code restore}, {@code status}), answered with one line.
 *
 * <p>Usage: {@code TcpProxy LISTEN_PORT CONTROL_PORT TARGET_HOST TARGET_PORT}; both ports on 127.0.0.1.
 */
public final class TcpProxy {

    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private TcpProxy(InetSocketAddress target) {
        this.target = target;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: TcpProxy LISTEN_PORT CONTROL_PORT TARGET_HOST TARGET_PORT");
        }
        InetAddress loopback = InetAddress.getLoopbackAddress();
        TcpProxy proxy = new TcpProxy(new InetSocketAddress(args[2], Integer.parseInt(args[3])));
        ServerSocket listener = new ServerSocket(Integer.parseInt(args[0]), 100, loopback);
        ServerSocket control = new ServerSocket(Integer.parseInt(args[1]), 10, loopback);
        Thread acceptor = new Thread(() -> proxy.serve(listener), "TcpProxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        System.out.println("TcpProxy: 127.0.0.1:" + args[0] + " -> " + args[2] + ":" + args[3] + ", control " + args[1]);
        proxy.control(control);
    }

    private void serve(ServerSocket listener) {
        while (true) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(target, 5000);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                System.err.println("TcpProxy: " + e);
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed or was cut: close both
            } finally {
                close(from);
                close(to);
            }
        }, "TcpProxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void control(ServerSocket control) throws IOException {
        while (true) {
            try (Socket socket = control.accept();
                 BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                         StandardCharsets.US_ASCII));
                 PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                String command = String.valueOf(in.readLine()).trim();
                switch (command) {
                    case "cut" -> {
                        cut = true;
                        open.forEach(TcpProxy::reset);
                        out.println("cut");
                    }
                    case "restore" -> {
                        cut = false;
                        out.println("restored");
                    }
                    case "status" -> out.println(cut ? "cut" : "open " + open.size());
                    default -> out.println("unknown command: " + command);
                }
            }
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Closes with RST (linger 0), as a dead network path looks to both ends, instead of an orderly FIN. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
