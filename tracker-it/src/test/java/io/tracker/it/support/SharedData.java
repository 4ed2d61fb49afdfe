package io.tracker.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the project's shared sample data ({@code shared/data/...}), which is not in the
 * repository: it sits beside the clone ({@code <parent>/shared} next to {@code <parent>/<clone>})
 * on developer machines and in CI. Walks up from this module's folder (system property
 * {@code tracker.it.module-dir}, else the working directory) and takes the first
 * {@code shared/data/<relative>} that exists.
 */
public final class SharedData {

    private SharedData() {
    }

    /**
     * The file; fails with every place it looked when there is none.
     *
     * @param relative path below {@code shared/data}, such as {@code ga_merch_store_sessions/all_sessions.csv}
     */
    public static Path file(String relative) {
        Path start = Path.of(System.getProperty("tracker.it.module-dir", System.getProperty("user.dir")))
                .toAbsolutePath().normalize();
        List<Path> tried = new ArrayList<>();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
            tried.add(candidate);
        }
        throw new IllegalStateException("shared test data '" + relative + "' not found; it belongs in "
                + "shared/data beside the repository clone. Looked at: " + tried);
    }
}
