package dev.mjbridge.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code GET /actuator/prometheus} as Prometheus scrapes it, read into samples: a name, its labels
 * and its value. Only what the tests look up is parsed (no exemplars, no timestamps).
 *
 * @param status the HTTP status
 * @param text   the scrape as sent
 */
public record PrometheusScrape(int status, String text) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One line of the scrape. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Scrapes with the {@code mj-admin-secret} header, or without it when {@code adminSecret} is null. */
    public static PrometheusScrape of(int port, String adminSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .timeout(MjApi.WAIT).GET();
        if (adminSecret != null) {
            request.header("mj-admin-secret", adminSecret);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new PrometheusScrape(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = SAMPLE.matcher(line.strip());
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher label = LABEL.matcher(m.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    /** The samples of {@code name} whose labels include all of {@code labels} (name, value, name, value...). */
    public List<Sample> find(String name, String... labels) {
        List<Sample> found = new ArrayList<>();
        for (Sample sample : samples()) {
            boolean matches = sample.name().equals(name);
            for (int i = 0; matches && i + 1 < labels.length; i += 2) {
                matches = labels[i + 1].equals(sample.labels().get(labels[i]));
            }
            if (matches) {
                found.add(sample);
            }
        }
        return found;
    }

    /** The sum of the matching samples' values (0 when none match). */
    public double sum(String name, String... labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }
}
