package it.dev.sema.accounts;

import it.dev.sema.Http;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys and usage on the embedded H2 database survive a restart of semaAccountsIT; secrets never reach its log. */
class AccountsPersistenceIT {

    private static final String SERVER = "semaAccountsIT";

    @Test
    void keysAndUsageSurviveARestartAndNoSecretIsLogged() throws Exception {
        Http server = Http.on("http.port.accounts").awaitReady(Duration.ofSeconds(120));
        Keys.Key key = Keys.create(server, Keys.body("persistent", "\"characters_per_day\":1000"));
        server.post("/api/v1/translate", Keys.translation(Keys.hundredCharacters(7)), key.headers()).expect(200);
        assertEquals(100, Keys.charactersToday(server, key.id()));
        // not read before the stop: recorded by the server's own settling, or at shutdown at the latest
        server.post("/api/v1/translate", Keys.translation("before stop"), key.headers()).expect(200);

        liberty("stop");
        liberty("start");
        server.awaitReady(Duration.ofSeconds(120));

        assertEquals(111, Keys.charactersToday(server, key.id()), "usage survives the restart");
        server.post("/api/v1/translate", Keys.translation("after restart"), key.headers()).expect(200);
        assertEquals(124, server.get("/api/v1/usage", key.headers()).expect(200).json().getJsonObject("day")
                .getInt("character_count"));

        Path logs = Path.of(System.getProperty("liberty.wlp.dir"), "usr", "servers", SERVER, "logs");
        boolean creationLogged = false;
        try (var files = Files.list(logs)) { // messages.log and the ones rotated at the restart
            for (Path log : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(log);
                assertFalse(text.contains(key.secret().substring(12)), "the secret is in " + log);
                creationLogged |= text.lines().anyMatch(line -> line.contains("api_key_created")
                        && line.contains(key.id()));
            }
        }
        assertTrue(creationLogged, "the api_key_created event names the key id, in " + logs);
    }

    /** {@code server stop|start semaAccountsIT} with the build's Liberty, as the Maven plugin runs it. */
    private static void liberty(String action) throws IOException, InterruptedException {
        String wlp = System.getProperty("liberty.wlp.dir");
        ProcessBuilder builder = new ProcessBuilder(wlp + "/bin/server", action, SERVER)
                .redirectErrorStream(true)
                .redirectOutput(new File(wlp, "restart-" + action + ".log"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "server " + action + " did not finish within 180 s");
        assertEquals(0, process.exitValue(), "server " + action + " failed, see " + wlp + "/restart-" + action
                + ".log");
    }
}
