package org.comboscope.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Base of the contract tests: a fresh store on the class's database for every test. */
abstract class StoreTestSupport {
    @Parameter
    TestDatabase database;

    @TempDir
    Path tempDir;

    Store store;
    private TestDatabase.Fresh fresh;

    @BeforeEach
    void openStore() {
        fresh = database.open(tempDir);
        store = fresh.store();
    }

    @AfterEach
    void closeStore() {
        if (fresh != null) {
            fresh.cleanup().run();
        }
    }

    /** A project → experiment → dataset chain; returns the dataset id. */
    long newDataset() {
        Project p = store.projects().create("p", "");
        Experiment e = store.experiments().create(p.id(), "CTG", "MCF7", Optional.empty(), "");
        return store.datasets()
                .create(
                        e.id(),
                        "data.csv",
                        "csv",
                        new ByteArrayInputStream("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .id();
    }

    static Map<String, String> row(String... keyValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put(keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
