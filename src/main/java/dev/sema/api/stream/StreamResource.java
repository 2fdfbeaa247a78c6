package dev.sema.api.stream;

import dev.sema.accounts.Hold;
import dev.sema.accounts.Quotas;
import dev.sema.accounts.Scope;
import dev.sema.api.ApiConfig;
import dev.sema.api.RequestTrace;
import dev.sema.api.TranslationRequests;
import dev.sema.api.dto.TranslateRequest;
import dev.sema.api.error.ApiError;
import dev.sema.api.error.FailureMapper;
import dev.sema.api.filter.ApiKeyFilter;
import dev.sema.api.filter.RateLimited;
import dev.sema.api.filter.RequiresScope;
import dev.sema.failure.SemaException;
import dev.sema.observability.EventLog;
import dev.sema.translation.PreparedStream;
import dev.sema.translation.TranslationJob;
import dev.sema.translation.TranslationService;
import jakarta.enterprise.context.ApplicationScoped;
import dev.sema.api.glossaries.GlossaryUse;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /api/v1/translate/stream}: the body of {@code /translate}, answered as Server-Sent Events, one
 * {@code segment} per sentence as soon as it and every one before it are translated. Everything a client can get
 * wrong (body, languages, detection, quota, rate limit, a full inference queue) is refused before the first byte, as
 * an ordinary JSON error with its status; once {@code start} is out, a failure is an {@code error} event. The request
 * thread stays with the stream: it writes every event (see {@link SegmentEvents}), and an API key is charged for the
 * characters of the segments sent, once the stream has ended.
 */
@Path("/api/v1/translate/stream")
@Tag(name = "Translation")
// As /translate: an API key is optional, and naming the scheme lets the OpenAPI UI send the one under Authorize.
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = "apiKey"))
@SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
@RequiresScope(Scope.TRANSLATE)
@ApplicationScoped
public class StreamResource {

    private static final Logger LOG = Logger.getLogger(StreamResource.class.getName());

    private final TranslationService service;
    private final TranslationRequests requests;
    private final StreamConfig config;
    private final RequestTrace trace;
    private final EventLog events;
    private final Quotas quotas;
    private final GlossaryUse glossaries;

    @Inject
    public StreamResource(TranslationService service, ApiConfig api, StreamConfig config, RequestTrace trace,
                          EventLog events, Quotas quotas, GlossaryUse glossaries) {
        this.glossaries = glossaries;
        this.service = service;
        this.requests = new TranslationRequests(api);
        this.config = config;
        this.trace = trace;
        this.events = events;
        this.quotas = quotas;
    }

    /** For the CDI client proxy only. */
    protected StreamResource() {
        this.service = null;
        this.requests = null;
        this.config = null;
        this.trace = null;
        this.events = null;
        this.quotas = null;
        this.glossaries = null;
    }

    @POST
    @RateLimited
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Translate text as a stream of sentences",
            description = "The body of /translate (without alternatives), answered as text/event-stream: `start`"
                    + " (StreamStart), one `segment` per sentence in order (StreamSegment, id = index) as soon as it"
                    + " and all before it are translated, `ping` ({}) after each silence of sema.stream-ping-ms,"
                    + " then `done` (StreamDone) or `error` (the error body) and the stream closes. Errors before"
                    + " `start` are ordinary JSON responses with their status. A client that disconnects stops the"
                    + " translation; an API key is charged the characters of the segments sent. Also served at"
                    + " /translate/stream.")
    @APIResponse(responseCode = "200", description = "The event stream: `event: <name>` and one `data:` line of"
            + " JSON per event; the data of `start`, `segment`, `done` and `error` have the schemas listed here"
            + " (StreamStart, StreamSegment, StreamDone, ApiError); `ping` carries {}.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(
                    oneOf = {StreamStart.class, StreamSegment.class, StreamDone.class, ApiError.class})))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "401", ref = "ApiKeyRejected")
    @APIResponse(responseCode = "429", ref = "RateLimited")
    @APIResponse(responseCode = "500", ref = "InternalError")
    @APIResponse(responseCode = "503", ref = "ModelNotLoaded")
    public void stream(TranslateRequest request, @Context SseEventSink sink, @Context Sse sse,
                       @Context HttpServletRequest http) {
        long arrived = System.nanoTime() - trace.elapsed().toNanos();
        TranslationJob job = requests.stream(request)
                .withTerms(glossaries.termBook(request == null ? null : request.glossaryId(), http));
        PreparedStream prepared = service.prepare(job);
        trace.characters(prepared.characterCount());
        EventStream out = new EventStream(sink, sse);
        SegmentEvents segments = new SegmentEvents(out, new StreamStart(trace.requestId(), prepared.sourceLanguage(),
                prepared.sourceConfidence(), prepared.targetLanguage(), prepared.segmentCount()), config.pingInterval(),
                arrived, request.scoresWanted());
        Optional<Hold> hold = ApiKeyFilter.detachHold(http);
        try {
            service.stream(prepared, segments);
            segments.drain();
            out.send("done", null, segments.done());
            out.close();
        } catch (CancellationException gone) {
            out.close();
        } catch (RuntimeException failure) {
            segments.drain();
            if (!out.opened()) {
                throw failure; // nothing sent yet: the ordinary JSON error with its status
            }
            out.send("error", null, errorBody(failure));
            out.close();
        } finally {
            hold.ifPresent(h -> quotas.finish(h, segments.charactersSent()));
            if (segments.segmentsSent() > 0) {
                events.translationRequest(trace.requestId(), null, prepared.sourceLanguage(),
                        prepared.targetLanguage(), segments.charactersSent(), Duration.ofNanos(Math.round(
                                segments.done().inferenceTime() * 1e9)), trace.elapsed(), job.texts().get(0));
            }
        }
    }

    /** The error shape of a failure after {@code start}; its status only shows in the body's code. */
    private ApiError errorBody(RuntimeException failure) {
        if (failure instanceof SemaException e) {
            return FailureMapper.toApi(e).error().withRequestId(trace.requestId());
        }
        LOG.log(Level.SEVERE, "stream " + trace.requestId() + " failed", failure);
        return ApiError.of("internal_error", "Internal server error.").withRequestId(trace.requestId());
    }
}
