package dev.mjbridge.bench;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a burst's time goes, task by task, from the clocks of both sides (the same machine's):
 * mj-bridge's submitTime, startTime (the interaction is about to be sent) and finishTime; the
 * sandbox's receipt of the interaction ({@code /sandbox/received/interactions}) and the
 * timestamp it stamped on the final message just before writing it to the gateway. Per account,
 * the i-th task to start took the slot of the (i − slots)-th task to finish: the hand-off is
 * the time from that finish to the next start.
 */
record BurstBreakdown(List<Row> rows, Stats handoff, String slowestAccount, double slowestAccountSpanSeconds,
                      int tasksOnSlowest) {

    private static final int SLOTS = 3;

    record Row(String what, Stats stats) {
    }

    record Stats(int count, double meanMs, double p50Ms, double maxMs) {
        static Stats of(List<Double> values) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN);
            }
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            return new Stats(v.length, mean, v[(int) Math.ceil(0.5 * v.length) - 1], v[v.length - 1]);
        }
    }

    static BurstBreakdown of(List<JsonNode> tasks, Api sandbox) throws IOException, InterruptedException {
        Map<String, Long> receivedAt = new HashMap<>();
        for (JsonNode interaction : sandbox.get("/sandbox/received/interactions").path("interactions")) {
            if (interaction.path("status").asInt() == 204) {
                receivedAt.put(interaction.path("nonce").asString(), interaction.path("receivedAtMillis").asLong());
            }
        }
        List<Double> queueWait = new ArrayList<>();
        List<Double> sendToBot = new ArrayList<>();
        List<Double> botJob = new ArrayList<>();
        List<Double> finalToFinish = new ArrayList<>();
        for (JsonNode task : tasks) {
            JsonNode props = task.path("properties");
            long submit = task.path("submitTime").asLong();
            long start = task.path("startTime").asLong();
            long finish = task.path("finishTime").asLong();
            queueWait.add((double) (start - submit));
            Long received = receivedAt.get(props.path("nonce").asString());
            if (received != null) {
                sendToBot.add((double) (received - start));
            }
            JsonNode message = sandbox.get("/api/v10/channels/" + props.path("discordChannelId").asString()
                    + "/messages/" + props.path("messageId").asString(), tokenOf(props));
            Instant stamped = OffsetDateTime.parse(message.path("timestamp").asString()).toInstant();
            double botSent = stamped.getEpochSecond() * 1000.0 + stamped.getNano() / 1e6;
            if (received != null) {
                botJob.add(botSent - received);
            }
            finalToFinish.add(finish - botSent);
        }
        // Per account: the i-th start (i >= slots) waited for the (i - slots)-th finish.
        List<Double> handoff = new ArrayList<>();
        Map<String, List<JsonNode>> byAccount = tasks.stream()
                .collect(Collectors.groupingBy(t -> t.path("properties").path("discordInstanceId").asString()));
        String slowest = null;
        double slowestSpan = -1;
        int slowestCount = 0;
        for (var entry : byAccount.entrySet()) {
            List<Long> starts = entry.getValue().stream().map(t -> t.path("startTime").asLong()).sorted().toList();
            List<Long> finishes = entry.getValue().stream().map(t -> t.path("finishTime").asLong()).sorted().toList();
            for (int i = SLOTS; i < starts.size(); i++) {
                handoff.add((double) (starts.get(i) - finishes.get(i - SLOTS)));
            }
            long firstSubmit = entry.getValue().stream().mapToLong(t -> t.path("submitTime").asLong()).min().orElseThrow();
            double span = (finishes.get(finishes.size() - 1) - firstSubmit) / 1000.0;
            if (span > slowestSpan) {
                slowestSpan = span;
                slowest = entry.getKey();
                slowestCount = entry.getValue().size();
            }
        }
        Stats handoffStats = Stats.of(handoff);
        return new BurstBreakdown(List.of(
                new Row("submitTime → startTime (waiting for a slot; includes the hand-offs)", Stats.of(queueWait)),
                new Row("startTime → the sandbox receives the interaction (mj-bridge's REST send)", Stats.of(sendToBot)),
                new Row("the sandbox receives it → stamps the final message (the bot: acknowledgement, start, job time)",
                        Stats.of(botJob)),
                new Row("final message stamped → finishTime (mj-bridge's completion)", Stats.of(finalToFinish)),
                new Row("a slot's finishTime → the next queued task's startTime on that account (hand-off)", handoffStats)),
                handoffStats, slowest, slowestSpan, slowestCount);
    }

    /** The accounts file gives account acc-i the token of user i ({@link Stack#token}). */
    private static String tokenOf(JsonNode props) {
        return Stack.token(Integer.parseInt(props.path("discordInstanceId").asString().replace("acc-", "")));
    }

    List<String> report() {
        List<String> lines = new ArrayList<>();
        lines.add("Where the time goes (ms; both sides' clocks are this machine's):");
        lines.add("");
        lines.add("| span | tasks | mean | p50 | max |");
        lines.add("|---|---:|---:|---:|---:|");
        for (Row row : rows) {
            lines.add("| " + row.what() + " | " + row.stats().count() + " | " + num(row.stats().meanMs()) + " | "
                    + num(row.stats().p50Ms()) + " | " + num(row.stats().maxMs()) + " |");
        }
        lines.add("");
        lines.add("The account that finished last: " + slowestAccount + ", " + tasksOnSlowest + " tasks, first submit → last"
                + " finish " + String.format(Locale.ROOT, "%.2f", slowestAccountSpanSeconds) + " s.");
        return lines;
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
    }
}
