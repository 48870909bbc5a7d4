package dev.supportbot.bot.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 written by hand on a socket, for requests no well-behaved client would send (malformed, oversized, cut
 * off). The answer is read until the server closes the connection or the declared body has arrived.
 */
final class RawHttp {
    private RawHttp() {}

    record Answer(int status, String head, String body) {}

    static Answer exchange(int port, String request) throws IOException {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    static Answer exchange(int port, byte[] request) throws IOException {
        try (Socket socket = open(port)) {
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket.getInputStream());
        }
    }

    static Socket open(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int headEnd = -1;
        int b;
        while ((b = in.read()) != -1) {
            seen.write(b);
            String text = seen.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
                headEnd = text.length();
                Integer length = contentLength(text);
                if (length != null) {
                    byte[] body = in.readNBytes(length);
                    return answer(text, new String(body, StandardCharsets.UTF_8));
                }
            }
        }
        String text = seen.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0) throw new IOException("connection closed before a complete answer: " + text);
        return answer(text.substring(0, headEnd), new String(seen.toByteArray(), headEnd, seen.size() - headEnd, StandardCharsets.UTF_8));
    }

    private static Answer answer(String head, String body) {
        int status = Integer.parseInt(head.substring(9, 12));
        return new Answer(status, head, body);
    }

    private static Integer contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Content-Length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return null;
    }
}
