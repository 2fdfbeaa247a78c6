import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The streaming benchmark's client (scripts/bench-stream): for each round, texts of ten consecutive FLORES
 * sentences, one request at a time over HTTP/1.1, in alternating order so that warm-up favours no side:
 *   - /translate of the text's first sentence alone, and the time to the stream's first segment event;
 *   - /translate of the whole text, and the time to the stream's done event.
 * Prints the median of each and their ratios (the targets: first segment within 1.5× the first sentence alone,
 * whole stream within 1.5× the whole text).
 * Usage: java StreamLoad.java BASE_URL FLORES_FILE ROUNDS [SENTENCES]
 */
public class StreamLoad {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> flores = lines(Path.of(args[1]));
        int rounds = Integer.parseInt(args[2]);
        int sentences = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        for (int w = 0; w < 3; w++) { // warm-up: JIT, ONNX Runtime's arenas
            List<String> text = flores.subList(w * sentences, (w + 1) * sentences);
            translate(base, String.join(" ", text));
            stream(base, String.join(" ", text));
        }
        double[] first = new double[rounds];
        double[] firstAlone = new double[rounds];
        double[] whole = new double[rounds];
        double[] wholeTranslate = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            int from = (r * sentences) % (flores.size() - sentences);
            String text = String.join(" ", flores.subList(from, from + sentences));
            String firstSentence = flores.get(from);
            double[] streamed;
            if (r % 2 == 0) {
                firstAlone[r] = translate(base, firstSentence);
                wholeTranslate[r] = translate(base, text);
                streamed = stream(base, text);
            } else {
                streamed = stream(base, text);
                wholeTranslate[r] = translate(base, text);
                firstAlone[r] = translate(base, firstSentence);
            }
            first[r] = streamed[0];
            whole[r] = streamed[1];
        }
        System.out.printf("%d rounds of %d-sentence texts, one request at a time (median ms)%n", rounds, sentences);
        System.out.printf("  /translate first sentence alone  %8.1f%n", median(firstAlone));
        System.out.printf("  stream: first segment event      %8.1f   ratio %.2fx (target <= 1.5x)%n", median(first),
                median(first) / median(firstAlone));
        System.out.printf("  /translate whole text            %8.1f%n", median(wholeTranslate));
        System.out.printf("  stream: done event               %8.1f   ratio %.2fx (target <= 1.5x)%n", median(whole),
                median(whole) / median(wholeTranslate));
    }

    private static String body(String text) {
        return "{\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\",\"source_language\":\"eng_Latn\",\"target_language\":\"fra_Latn\"}";
    }

    /** Milliseconds to the whole /translate answer. */
    private static double translate(String base, String text) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = CLIENT.send(request(base + "/api/v1/translate", text),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Milliseconds to the first segment event and to the done event. */
    private static double[] stream(String base, String text) throws Exception {
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = CLIENT.send(request(base + "/api/v1/translate/stream", text),
                HttpResponse.BodyHandlers.ofInputStream());
        double first = -1;
        try (BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(response.statusCode() + " " + events.readLine());
            }
            for (String line = events.readLine(); line != null; line = events.readLine()) {
                if (line.equals("event: segment") && first < 0) {
                    first = (System.nanoTime() - start) / 1e6;
                } else if (line.equals("event: error")) {
                    throw new IllegalStateException("error event: " + events.readLine());
                } else if (line.equals("event: done")) {
                    return new double[]{first, (System.nanoTime() - start) / 1e6};
                }
            }
        }
        throw new IOException("the stream ended without done");
    }

    private static HttpRequest request(String uri, String text) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(text))).build();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static List<String> lines(Path file) throws IOException {
        var in = Files.newInputStream(file);
        var reader = new BufferedReader(new InputStreamReader(file.toString().endsWith(".gz")
                ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }
}
