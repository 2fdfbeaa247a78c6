import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents benchmark's client (scripts/bench-documents): one .docx against the same paragraphs sent through
 * /translate/batch (as many texts a request as the route's limits allow, one request after the other), one at a time over
 * HTTP/1.1, in alternating order so that warm-up favours no side. The document's time runs from the upload to the
 * downloaded result, polling its status every POLL_MS as a client would (POLL_MS 0: each status request waits for
 * the end with {@code Prefer: wait} instead); the batch side's from the first request to the last answer. Prints
 * each round and the medians with their ratio (the target: the document path adds <= 10%).
 * Usage: java DocumentLoad.java BASE_URL DOCX PARAGRAPHS_FILE ROUNDS [POLL_MS [WARMUP_ROUNDS]]
 */
public class DocumentLoad {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern FIELD = Pattern.compile("\"(document_id|document_key|status|segments_total)\""
            + "\\s*:\\s*\"?([^\",}]*)");
    /** The route's limits (sema.batch-max-texts, sema.batch-max-characters). */
    private static final int BATCH_TEXTS = 100;
    private static final int BATCH_CHARACTERS = 5000;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        byte[] docx = Files.readAllBytes(Path.of(args[1]));
        List<String> paragraphs = Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8);
        int rounds = Integer.parseInt(args[3]);
        long pollMs = args.length > 4 ? Long.parseLong(args[4]) : 50;
        int warmup = args.length > 5 ? Integer.parseInt(args[5]) : 3;
        System.out.printf("%d paragraphs, %d characters; docx of %d bytes; status polled every %d ms (0: waited);"
                + " %d warm-up rounds%n", paragraphs.size(), paragraphs.stream().mapToInt(String::length).sum(), docx.length,
                pollMs, warmup);
        // Warm-up: the JIT (still compiling the docx code paths after one round, on two cores it competes with the
        // decoder), ONNX Runtime's arenas.
        for (int w = 0; w < warmup; w++) {
            batch(base, paragraphs);
            document(base, docx, paragraphs.size(), pollMs);
        }
        double[] batch = new double[rounds];
        double[] document = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                batch[r] = batch(base, paragraphs);
                document[r] = document(base, docx, paragraphs.size(), pollMs);
            } else {
                document[r] = document(base, docx, paragraphs.size(), pollMs);
                batch[r] = batch(base, paragraphs);
            }
            System.out.printf("  round %d: batch %8.1f ms, document %8.1f ms (%.3fx)%n", r + 1, batch[r],
                    document[r], document[r] / batch[r]);
        }
        double b = median(batch);
        double d = median(document);
        System.out.printf("%d rounds, medians:%n  /translate/batch   %9.1f ms%n  /documents (docx)  %9.1f ms"
                + "   ratio %.3fx, %+.1f%% (target <= +10%%)%n", rounds, b, d, d / b, (d / b - 1) * 100);
    }

    /** Milliseconds for every paragraph through /translate/batch, as many a request as the route takes. */
    private static double batch(String base, List<String> paragraphs) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < paragraphs.size(); ) {
            int end = i;
            int characters = 0;
            while (end < paragraphs.size() && end - i < BATCH_TEXTS
                    && characters + paragraphs.get(end).length() <= BATCH_CHARACTERS) {
                characters += paragraphs.get(end++).length();
            }
            List<String> texts = paragraphs.subList(i, end);
            i = end;
            StringBuilder body = new StringBuilder("{\"texts\":[");
            for (int k = 0; k < texts.size(); k++) {
                body.append(k == 0 ? "" : ",").append('"').append(texts.get(k).replace("\\", "\\\\")
                        .replace("\"", "\\\"")).append('"');
            }
            body.append("],\"source_language\":\"eng_Latn\",\"target_language\":\"fra_Latn\"}");
            send(HttpRequest.newBuilder(URI.create(base + "/api/v1/translate/batch"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())), 200);
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Milliseconds from the upload to the downloaded translation. */
    private static double document(String base, byte[] docx, int paragraphs, long pollMs) throws Exception {
        long start = System.nanoTime();
        String boundary = "----bench" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] field : new String[][]{{"source_language", "eng_Latn"}, {"target_language", "fra_Latn"}}) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0]
                    + "\"\r\n\r\n" + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.docx\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(docx);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String receipt = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), 202);
        String id = field(receipt, "document_id");
        String key = field(receipt, "document_key");
        String status;
        String progress;
        do {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/" + id))
                    .header("Document-Key", key).GET();
            if (pollMs > 0) {
                Thread.sleep(pollMs);
            } else {
                request.header("Prefer", "wait=30"); // answered when the job ends
            }
            progress = send(request, 200);
            status = field(progress, "status");
        } while (status.equals("queued") || status.equals("translating"));
        if (!status.equals("done") || Integer.parseInt(field(progress, "segments_total")) < paragraphs) {
            throw new IllegalStateException("document " + id + ": " + progress);
        }
        send(HttpRequest.newBuilder(URI.create(base + "/api/v1/documents/" + id + "/result"))
                .header("Document-Key", key).GET(), 200);
        return (System.nanoTime() - start) / 1e6;
    }

    private static String send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().uri() + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2).strip();
            }
        }
        throw new IllegalStateException("no " + name + " in " + json);
    }

    private static double median(double[] values) {
        List<Double> sorted = new ArrayList<>();
        for (double v : values) {
            sorted.add(v);
        }
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
