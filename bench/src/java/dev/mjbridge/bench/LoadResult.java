package dev.mjbridge.bench;

/**
 * What one load run measured: completed requests in the measured window (warm-up excluded),
 * requests that failed or got an unexpected answer, throughput and latency percentiles.
 */
record LoadResult(String driver, long requests, long failures, double seconds, double p50Millis, double p99Millis) {

    double requestsPerSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }
}
