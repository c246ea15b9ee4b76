package io.agenttelemetry.connect.it;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.agenttelemetry.connect.stack.ConnectWorker;
import io.agenttelemetry.connect.stack.Http;
import io.agenttelemetry.connect.stack.StackException;
import io.agenttelemetry.connect.stack.Wait;

/** The Connect REST API as users drive it: configs in, status out. */
final class ConnectRest {
    private final String url;

    ConnectRest(ConnectWorker worker) {
        this.url = worker.restUrl();
    }

    ConnectRest(String url) {
        this.url = url;
    }

    /** Creates or updates a connector with PUT /connectors/{name}/config. */
    void put(String name, Map<String, String> config) {
        Http.send("PUT", url + "/connectors/" + name + "/config", json(config)).ok();
    }

    void delete(String name) {
        Http.Response r = Http.send("DELETE", url + "/connectors/" + name, null);
        if (r.status() != 204 && r.status() != 404) {
            r.ok();
        }
    }

    JsonNode status(String name) {
        return Http.get(url + "/connectors/" + name + "/status").ok().json();
    }

    JsonNode validate(String connectorClass, Map<String, String> config) {
        return Http.send("PUT", url + "/connector-plugins/" + connectorClass + "/config/validate", json(config)).ok().json();
    }

    /** Waits until the connector and all its tasks (at least one) are RUNNING; fails early on FAILED with the trace. */
    void awaitRunning(String name, Duration timeout) {
        Wait.until(name + " RUNNING", timeout, () -> {
            Http.Response r = Http.get(url + "/connectors/" + name + "/status");
            if (r.status() != 200) {
                return false;
            }
            JsonNode s = r.json();
            for (JsonNode t : s.path("tasks")) {
                if ("FAILED".equals(t.path("state").asText())) {
                    throw new AssertionError(name + " task failed: " + t.path("trace").asText());
                }
            }
            return "RUNNING".equals(s.path("connector").path("state").asText()) && s.path("tasks").size() > 0
                    && allRunning(s.path("tasks"));
        });
    }

    /**
     * Waits for a condition on what the connector writes; ends early with the trace if one of its tasks fails, and a
     * timeout names the connector's status, so a failure says whether the connector stalled or the store lagged.
     */
    void awaitWhileRunning(String name, String what, Duration timeout, BooleanSupplier condition) {
        try {
            Wait.until(what, timeout, () -> {
                for (JsonNode t : status(name).path("tasks")) {
                    if ("FAILED".equals(t.path("state").asText())) {
                        throw new Wait.Abort(name + " task failed while waiting for " + what + ": " + t.path("trace").asText());
                    }
                }
                return condition.getAsBoolean();
            });
        } catch (Wait.Abort e) {
            throw e;
        } catch (StackException e) {
            throw new StackException(e.getMessage() + "; status of " + name + ": " + status(name), e);
        }
    }

    /** Asserts every task of the connector is RUNNING now. */
    void assertTasksRunning(String name) {
        for (JsonNode task : status(name).path("tasks")) {
            org.junit.jupiter.api.Assertions.assertEquals("RUNNING", task.path("state").asText(), name + ": " + task);
        }
    }

    /** Waits until a task of the connector is FAILED and returns its stack trace. */
    String awaitTaskFailed(String name, Duration timeout) {
        String[] trace = new String[1];
        Wait.until(name + " task FAILED", timeout, () -> {
            for (JsonNode t : status(name).path("tasks")) {
                if ("FAILED".equals(t.path("state").asText())) {
                    trace[0] = t.path("trace").asText();
                    return true;
                }
            }
            return false;
        });
        return trace[0];
    }

    private static boolean allRunning(JsonNode tasks) {
        for (JsonNode t : tasks) {
            if (!"RUNNING".equals(t.path("state").asText())) {
                return false;
            }
        }
        return true;
    }

    static String json(Object o) {
        try {
            return Http.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new StackException("cannot write JSON", e);
        }
    }
}
