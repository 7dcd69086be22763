package dev.imap4.camel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code imap4} dev console: per consumer its server, folder, the open connection's
 * capabilities, UIDVALIDITY, last UID, in-flight count, last poll error and counts; per producer
 * its pool and commands. Built from the same counts as JMX and the meters. It shows no endpoint
 * URI (a URI may carry a password or OAuth2 secret), only the user name next to the server.
 */
@DevConsole(name = "imap4", displayName = "IMAP4", description = "IMAP4 consumers and producers")
public class Imap4DevConsole extends AbstractDevConsole {

    public Imap4DevConsole() {
        super("camel", "imap4", "IMAP4", "IMAP4 consumers and producers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        for (JsonObject c : consumers()) {
            sb.append(String.format("Consumer %s: %s%s folder %s%n", c.get("routeId"), user(c), c.get("server"),
                    c.get("folder")));
            sb.append(String.format("    Capabilities: %s%n", c.get("capabilities")));
            sb.append(String.format("    UIDVALIDITY: %s  Last UID: %s  In flight: %s%n", c.get("uidValidity"),
                    c.get("lastUid"), c.get("inFlight")));
            sb.append(String.format("    Received: %s  Completed: %s  Failed: %s  Parked: %s  Skipped: %s%n",
                    c.get("received"), c.get("completed"), c.get("failed"), c.get("parked"), c.get("skipped")));
            sb.append(String.format("    Bytes fetched: %s  Polls: %s  Reconnects: %s  IDLE wake-ups: %s%n",
                    c.get("bytesFetched"), c.get("polls"), c.get("reconnects"), c.get("idleWakeUps")));
            sb.append(String.format("    Last error: %s%n", c.get("lastError") == null ? "none" : c.get("lastError")));
        }
        for (JsonObject p : producers()) {
            sb.append(String.format("Producer: %s%s%n", user(p), p.get("server")));
            sb.append(String.format("    Pool: %s in use, %s idle, at most %s%n", p.get("poolInUse"), p.get("poolIdle"),
                    p.get("poolSize")));
            sb.append(String.format("    Commands: %s total, %s failed %s%n", p.get("commandsTotal"),
                    p.get("commandsFailed"), p.get("commands")));
        }
        return sb.toString();
    }

    private static String user(JsonObject o) {
        return o.get("user") == null ? "" : o.get("user") + " at ";
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        root.put("consumers", new JsonArray(consumers()));
        root.put("producers", new JsonArray(producers()));
        return root;
    }

    private List<JsonObject> consumers() {
        List<JsonObject> out = new ArrayList<>();
        for (Route route : getCamelContext().getRoutes()) {
            Consumer consumer = route.getConsumer();
            if (consumer instanceof Imap4Consumer c) {
                Imap4ConsumerCounters n = c.counters();
                JsonObject o = new JsonObject();
                o.put("routeId", route.getRouteId());
                o.put("server", c.getServer());
                o.put("user", c.getEndpoint().getConfiguration().getUsername());
                o.put("folder", c.getFolder());
                o.put("capabilities", c.getCapabilities());
                o.put("uidValidity", n.uidValidity());
                o.put("lastUid", n.lastUid());
                o.put("inFlight", n.inFlight());
                o.put("lastError", n.lastError());
                o.put("received", n.received());
                o.put("completed", n.completed());
                o.put("failed", n.failed());
                o.put("parked", n.unparseableCount());
                o.put("skipped", n.skipped());
                o.put("failedPostActions", n.failedPostActionCount());
                o.put("bytesFetched", n.bytesFetched());
                o.put("polls", n.polls());
                o.put("reconnects", n.reconnects());
                o.put("idleWakeUps", n.idleWakeUps());
                out.add(o);
            }
        }
        return out;
    }

    private List<JsonObject> producers() {
        List<JsonObject> out = new ArrayList<>();
        for (Endpoint endpoint : getCamelContext().getEndpoints()) {
            if (endpoint instanceof Imap4Endpoint e) {
                for (Imap4Producer p : e.producers()) {
                    JsonObject o = new JsonObject();
                    o.put("server", p.getServer());
                    o.put("user", e.getConfiguration().getUsername());
                    o.put("poolSize", p.getPoolSize());
                    o.put("poolInUse", p.getPoolInUse());
                    o.put("poolIdle", p.getPoolIdle());
                    o.put("commandsTotal", p.getCommandsTotal());
                    o.put("commandsFailed", p.getCommandsFailed());
                    o.put("commands", new JsonObject(new java.util.TreeMap<>(p.counters().byVerbAndOutcome())));
                    out.add(o);
                }
            }
        }
        return out;
    }
}
