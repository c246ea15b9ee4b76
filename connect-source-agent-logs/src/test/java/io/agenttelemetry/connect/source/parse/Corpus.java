package io.agenttelemetry.connect.source.parse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import io.agenttelemetry.connect.model.AgentEvent;
import io.agenttelemetry.connect.model.EventSource;

/** Corpus files under testdata/corpus, and running a parser over a file's lines as the tailer does. */
final class Corpus {
    private Corpus() {
    }

    static Path path(String relative) {
        return Paths.get(System.getProperty("testdata.dir", "../testdata"), "corpus", relative);
    }

    static List<String> lines(String relative) throws IOException {
        return Files.readAllLines(path(relative), StandardCharsets.UTF_8);
    }

    static List<String> linesUnchecked(String relative) {
        try {
            return lines(relative);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Events of every line, then of finish(); unreadable lines are counted in errors[0]. */
    static List<AgentEvent> parseAll(EventParser parser, List<String> lines, String format, int[] errors) {
        List<AgentEvent> out = new ArrayList<>();
        long offset = 0;
        for (String line : lines) {
            if (!line.isEmpty()) {
                try {
                    out.addAll(parser.parse(line, EventSource.create("test", offset, format)));
                } catch (LineParseException e) {
                    errors[0]++;
                }
            }
            offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        out.addAll(parser.finish());
        return out;
    }
}
