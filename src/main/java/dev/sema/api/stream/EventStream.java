package dev.sema.api.stream;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.concurrent.ExecutionException;

/**
 * One client's event stream, written by the request's own thread only: named events with JSON data. A write that
 * fails means the client is gone (a closed connection is only noticed by writing to it); every write after that is
 * skipped.
 */
final class EventStream implements AutoCloseable {

    private final SseEventSink sink;
    private final Sse sse;
    private boolean opened;
    private boolean broken;

    EventStream(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    /** @return false if the client is gone (now or before) */
    boolean send(String name, String id, Object data) {
        if (broken || sink.isClosed()) {
            broken = true;
            return false;
        }
        OutboundSseEvent.Builder event = sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(data.getClass(), data);
        if (id != null) {
            event.id(id);
        }
        opened = true;
        try {
            sink.send(event.build()).toCompletableFuture().get();
            return true;
        } catch (ExecutionException | RuntimeException e) {
            broken = true;
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broken = true;
            return false;
        }
    }

    /**
     * Whether the response has begun: before that, a failure can still be an ordinary JSON response with its
     * status; after it, only an {@code error} event.
     */
    boolean opened() {
        return opened;
    }

    @Override
    public void close() {
        sink.close();
    }
}
