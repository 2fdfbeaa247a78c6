package it.dev.sema.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs the npm client libraries that the compatibility ITs drive ({@link LibreTranslateClientsIT}) into a
 * folder under {@code target/}, before the ITs (exec-maven-plugin, pre-integration-test). Without npm it says so
 * and the ITs that need the clients are skipped, except under {@code CI=true}, where a missing npm fails the build.
 * Already-installed versions are kept, so an offline rebuild does not need the registry.
 */
public final class NpmClients {

    private static final long INSTALL_TIMEOUT_S = 300;

    private NpmClients() {
    }

    /** @param args the folder, then {@code name@version} for each package */
    public static void main(String[] args) throws IOException, InterruptedException {
        Path folder = Path.of(args[0]);
        List<String> packages = Arrays.asList(args).subList(1, args.length);
        if (packages.stream().allMatch(p -> installed(folder, p))) {
            System.out.println("[npm-clients] already installed in " + folder + ": " + packages);
            return;
        }
        if (!onPath("npm")) {
            String message = "[npm-clients] npm is not installed: the ITs that drive " + packages + " are skipped";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (not allowed under CI=true)");
            }
            System.out.println(message);
            return;
        }
        Files.createDirectories(folder);
        List<String> command = new ArrayList<>(List.of("npm", "install", "--no-save", "--no-audit", "--no-fund",
                "--prefix", folder.toString()));
        command.addAll(packages);
        Process npm = new ProcessBuilder(command).inheritIO().start();
        if (!npm.waitFor(INSTALL_TIMEOUT_S, TimeUnit.SECONDS)) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm install did not finish in " + INSTALL_TIMEOUT_S + " s");
        }
        if (npm.exitValue() != 0) {
            throw new IllegalStateException("npm install " + packages + " failed with " + npm.exitValue());
        }
    }

    /** Whether {@code name@version} is in the folder's node_modules at that version. */
    static boolean installed(Path folder, String spec) {
        int at = spec.lastIndexOf('@');
        Path manifest = folder.resolve("node_modules").resolve(spec.substring(0, at)).resolve("package.json");
        try {
            return Files.isRegularFile(manifest)
                    && Files.readString(manifest).contains("\"version\": \"" + spec.substring(at + 1) + "\"");
        } catch (IOException e) {
            return false;
        }
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}
