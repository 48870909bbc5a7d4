package dev.supportbot.bot.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each request body in full before any route sees it, without holding a thread while the bytes arrive (a
 * client that trickles its body costs a connection, never a request thread), and within a deadline. A body not
 * complete by then gets 408, one larger than the limit 413, both JSON; a client that leaves mid-body gets nothing
 * and one log line. Routes then read the buffered body without blocking.
 *
 * <p>A body over the limit is read to its end and dropped before the 413 goes out, up to {@link #DRAIN_FACTOR} times
 * the limit: a client still sending when the server closes gets a reset instead of the answer, so it would never
 * learn why. A larger one is answered at once and the connection closed.
 */
final class BufferedBodyHandler extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(BufferedBodyHandler.class);
    static final int DRAIN_FACTOR = 4;

    private final long maxBytes;
    private final Duration timeout;

    BufferedBodyHandler(long maxBytes, Duration timeout) {
        this.maxBytes = maxBytes;
        this.timeout = timeout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long declared = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (declared == 0 || (declared < 0 && !chunked)) return super.handle(request, response, callback);
        if (declared > maxBytes * DRAIN_FACTOR) {
            refuse(response, callback, 413, "body is larger than 1 MiB");
            return true;
        }
        new BodyReader(request, response, callback).start();
        return true;
    }

    /** The path for a log line; an attacker's path can be up to the header size limit, so it is cut short. */
    private static String path(Request request) {
        String path = Request.getPathInContext(request);
        return path.length() <= 80 ? path : path.substring(0, 80) + "...";
    }

    private static void refuse(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiError.CONTENT_TYPE);
        // The rest of the body is never read, so the connection cannot carry another request.
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, StandardCharsets.UTF_8.encode(ApiError.json(status, message)), callback);
    }

    /** One body being read: demand-driven, so it runs only when bytes have arrived; the deadline can end it first. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Deque<Content.Chunk> chunks = new ArrayDeque<>();
        private long size;
        private boolean finished;
        private Scheduler.Task deadline;

        BodyReader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            deadline = request.getComponents().getScheduler().schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
            run();
        }

        @Override
        public void run() {
            while (true) {
                Content.Chunk chunk;
                synchronized (this) {
                    if (finished) return;
                    chunk = request.read();
                    if (chunk == null) {
                        request.demand(this);
                        return;
                    }
                    if (Content.Chunk.isFailure(chunk)) {
                        finish();
                    } else {
                        size += chunk.remaining();
                        if (size > maxBytes) {
                            // Too large: drop what is buffered and read on to the end (bounded) before answering.
                            boolean last = chunk.isLast();
                            chunk.release();
                            chunks.forEach(Content.Chunk::release);
                            chunks.clear();
                            if (last || size > maxBytes * DRAIN_FACTOR) finish();
                            else continue;
                        } else {
                            chunks.add(chunk);
                            if (chunk.isLast()) finish();
                            else continue;
                        }
                    }
                }
                // Finished: answer outside the lock (the route may block).
                if (Content.Chunk.isFailure(chunk)) failed(chunk.getFailure());
                else if (size > maxBytes) refuse(response, callback, 413, "body is larger than 1 MiB");
                else dispatch();
                return;
            }
        }

        private void expire() {
            synchronized (this) {
                if (finished) return;
                finish();
            }
            log.info("{} {}: request body not complete within {}ms, answered 408", request.getMethod(), path(request),
                    timeout.toMillis());
            refuse(response, callback, 408, "request body did not arrive in time");
        }

        private void failed(Throwable failure) {
            if (failure instanceof TimeoutException) {
                log.info("{} {}: connection idle while the request body was expected, answered 408", request.getMethod(),
                        path(request));
                refuse(response, callback, 408, "request body did not arrive in time");
            } else {
                log.info("{} {}: client closed the connection before the request body arrived", request.getMethod(),
                        path(request));
                callback.failed(failure);
            }
        }

        /** Called with the lock held, once. */
        private void finish() {
            finished = true;
            deadline.cancel();
            if (size > maxBytes || chunks.isEmpty() || !chunks.peekLast().isLast()) {
                chunks.forEach(Content.Chunk::release);
                chunks.clear();
            }
        }

        private void dispatch() {
            Request buffered = new Request.Wrapper(request) {
                @Override
                public Content.Chunk read() {
                    Content.Chunk next = chunks.poll();
                    return next != null ? next : Content.Chunk.EOF;
                }

                @Override
                public void demand(Runnable demandCallback) {
                    demandCallback.run();
                }
            };
            try {
                if (!BufferedBodyHandler.super.handle(buffered, response, callback)) Response.writeError(request, response, callback, 404);
            } catch (Throwable e) {
                chunks.forEach(Content.Chunk::release);
                chunks.clear();
                callback.failed(e);
            }
        }
    }
}
