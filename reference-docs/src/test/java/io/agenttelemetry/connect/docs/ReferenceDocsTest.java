package io.agenttelemetry.connect.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The committed reference pages are what the ConfigDefs say now. */
class ReferenceDocsTest {
    @Test
    void committedPagesMatchTheConfigDefs() throws Exception {
        Path dir = Paths.get(System.getProperty("testdata.dir", "../testdata")).getParent().resolve("docs/reference");
        if (Boolean.getBoolean("reference.docs.write")) {
            ReferenceDocs.main(new String[] {dir.getParent().getParent().toString()});
        }
        for (Map.Entry<String, String> page : ReferenceDocs.render().entrySet()) {
            Path file = dir.resolve(page.getKey());
            assertTrue(Files.exists(file), file + " missing: regenerate with mvn -q -pl reference-docs -am test -Dtest=ReferenceDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dreference.docs.write=true");
            assertEquals(page.getValue(), Files.readString(file, StandardCharsets.UTF_8),
                    file + " is stale: regenerate with mvn -q -pl reference-docs -am test -Dtest=ReferenceDocsTest -Dsurefire.failIfNoSpecifiedTests=false -Dreference.docs.write=true");
        }
    }

    @Test
    void everySettingOfEveryPluginIsDocumented() {
        ReferenceDocs.pages().forEach((name, page) -> page.config.configKeys().values().forEach(key -> {
            assertTrue(key.documentation != null && !key.documentation.isBlank(), name + ": " + key.name + " has no documentation");
            assertTrue(key.group != null, name + ": " + key.name + " has no group");
        }));
    }
}
