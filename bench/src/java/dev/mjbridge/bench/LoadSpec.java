package dev.mjbridge.bench;

import java.time.Duration;

/**
 * One HTTP load: a request repeated over keep-alive connections, closed loop (each connection
 * sends its next request when the answer is in). {@code maxRequests} bounds runs whose requests
 * use something up (submits fill queues); 0 = only the duration bounds it. {@code expect} is a
 * text every good answer contains.
 */
record LoadSpec(String name, String method, String path, String body, String expect, int connections,
                Duration warmUp, Duration duration, long maxRequests) {
}
