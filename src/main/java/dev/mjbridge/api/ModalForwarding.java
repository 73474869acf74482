package dev.mjbridge.api;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import dev.mjbridge.cluster.ClusterDirectory;

/**
 * In a cluster, a modal answer ({@code POST /mj/submit/modal}) for a task whose account another instance
 * holds goes to that instance, the only one that can press the button or answer the modal on Discord,
 * and its answer is written back as it came. A call forwarded once is never sent on again.
 */
@Component
final class ModalForwarding {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ObjectProvider<ClusterDirectory> directory;
    private final PeerCalls peers;

    ModalForwarding(ObjectProvider<ClusterDirectory> directory, PeerCalls peers) {
        this.directory = directory;
        this.peers = peers;
    }

    /**
     * @return null once the holder's answer is written to {@code response}; else the answer to give here
     *         (no instance holds the account right now, or the holder did not answer)
     */
    ApiResponse forward(String accountId, ModalRequest modal, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ClusterDirectory cluster = directory.getIfAvailable();
        if (cluster == null || request.getHeader(PeerCalls.FORWARDED) != null) {
            return ApiResponse.failure("Task " + modal.taskId() + " waits on account " + accountId
                    + ", which this instance does not connect (it is being handed over): try again in a few seconds");
        }
        if (!(cluster.holderOf(accountId) instanceof ClusterDirectory.Holder.Elsewhere elsewhere)) {
            return ApiResponse.failure("Task " + modal.taskId() + " waits on account " + accountId
                    + ", which no instance connects right now (it is being handed over): try again in a few seconds");
        }
        PeerCalls.Answer answer;
        try {
            answer = peers.call(elsewhere.peer(), request, JSON.writeValueAsBytes(modal), cluster.me(), WAIT, false)
                    .join();
        } catch (CompletionException e) {
            return ApiResponse.failure("Task " + modal.taskId() + " waits on account " + accountId + ", held by instance "
                    + elsewhere.peer().id() + ", which did not answer: " + PeerCalls.why(e));
        }
        answer.writeTo(response);
        return null;
    }
}
