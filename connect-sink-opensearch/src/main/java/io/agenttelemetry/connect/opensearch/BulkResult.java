package io.agenttelemetry.connect.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a bulk response (asked for with {@link #FILTER_PATH}) for the items that failed. When {@code errors} is
 * false, which OpenSearch writes before the items, the items are not read at all.
 */
final class BulkResult {
    /** The parts of a bulk response this reads: a response holds a dozen fields per item the sink has no use for. */
    static final String FILTER_PATH = "errors,items.*.status,items.*.error";

    private static final JsonFactory JSON = new JsonFactory();

    /** An item OpenSearch did not carry out: its position in the request, its status and error. */
    record Failure(int item, int status, String type, String reason) {
    }

    private BulkResult() {
    }

    /**
     * @param items how many items the request had
     * @throws IOException if the response is not a bulk response for that many items
     */
    static List<Failure> failures(InputStream response, int items) throws IOException {
        List<Failure> failures = new ArrayList<>();
        try (JsonParser p = JSON.createParser(response)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            boolean errors = true;
            int read = -1;
            for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                JsonToken value = p.nextToken();
                if ("errors".equals(field)) {
                    errors = value == JsonToken.VALUE_TRUE;
                    if (!errors) {
                        return failures;
                    }
                } else if ("items".equals(field)) {
                    expect(value, JsonToken.START_ARRAY);
                    read = 0;
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        p.nextToken(); // the action's name
                        expect(p.nextToken(), JsonToken.START_OBJECT);
                        Failure failure = item(p, read++);
                        if (failure != null) {
                            failures.add(failure);
                        }
                        expect(p.nextToken(), JsonToken.END_OBJECT);
                    }
                } else {
                    p.skipChildren();
                }
            }
            if (errors && read != items) {
                throw new IOException("bulk response with errors has " + Math.max(read, 0) + " items for " + items + " documents");
            }
        }
        return failures;
    }

    /** One item's fields, after its START_OBJECT; null if it has no error. */
    private static Failure item(JsonParser p, int position) throws IOException {
        int status = 0;
        String type = null;
        String reason = null;
        boolean failed = false;
        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
            JsonToken value = p.nextToken();
            if ("status".equals(field)) {
                status = p.getIntValue();
            } else if ("error".equals(field) && value == JsonToken.START_OBJECT) {
                failed = true;
                for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
                    JsonToken v = p.nextToken();
                    if ("type".equals(f) && v == JsonToken.VALUE_STRING) {
                        type = p.getText();
                    } else if ("reason".equals(f) && v == JsonToken.VALUE_STRING) {
                        reason = p.getText();
                    } else {
                        p.skipChildren();
                    }
                }
            } else if ("error".equals(field)) {
                failed = value != JsonToken.VALUE_NULL;
                reason = value == JsonToken.VALUE_NULL ? null : p.getText();
                p.skipChildren();
            } else {
                p.skipChildren();
            }
        }
        return failed ? new Failure(position, status, type, reason) : null;
    }

    private static void expect(JsonToken got, JsonToken expected) throws IOException {
        if (got != expected) {
            throw new IOException("not a bulk response: " + expected + " expected, " + got + " found");
        }
    }
}
