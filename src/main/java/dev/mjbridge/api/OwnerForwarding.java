package dev.mjbridge.api;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import dev.mjbridge.account.AccountConfig;
import dev.mjbridge.account.AccountPool;
import dev.mjbridge.task.Task;
import dev.mjbridge.task.TaskService;
import dev.mjbridge.cluster.ClusterDirectory;

/**
 * In a cluster, an {@link OwnerAnswers} call on an account this instance does not hold (or on a task
 * another instance follows, such as a cancel) goes to the instance that holds it, and its answer is returned as it came. A call that was forwarded already is
 * answered here, whatever the leases say now (it is never sent on twice). When no instance holds the
 * account, or the one holding it does not answer, the client gets code 9 saying so. Without a cluster
 * it does nothing. After the secret checks: only a call this instance would take is forwarded.
 */
final class OwnerForwarding implements HandlerInterceptor {

    private final ObjectProvider<ClusterDirectory> directory;
    private final ObjectProvider<AccountPool> pool;
    private final PeerCalls peers;
    private final ObjectProvider<TaskService> tasks;

    OwnerForwarding(ObjectProvider<ClusterDirectory> directory, ObjectProvider<AccountPool> pool,
                    ObjectProvider<TaskService> tasks, PeerCalls peers) {
        this.tasks = tasks;
        this.directory = directory;
        this.pool = pool;
        this.peers = peers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        // The class first: a cheap test on every API call (fetch is polled hard), the annotation only then.
        if (!(handler instanceof HandlerMethod method)
                || (method.getBeanType() != AccountAdminController.class && method.getBeanType() != TaskController.class)
                || request.getHeader(PeerCalls.FORWARDED) != null) {
            return true;
        }
        OwnerAnswers owner = method.getMethodAnnotation(OwnerAnswers.class);
        ClusterDirectory cluster = owner == null ? null : directory.getIfAvailable();
        String id = cluster == null ? null : pathId(request);
        if (id != null && owner.byTask()) {
            id = accountOfTaskFollowedElsewhere(id);
        }
        if (id == null || pool.getObject().find(id).isPresent()) {
            return true;
        }
        ClusterDirectory.Holder holder = cluster.holderOf(id);
        if (holder instanceof ClusterDirectory.Holder.Elsewhere elsewhere) {
            forward(elsewhere.peer(), id, request, response, cluster.me(), Duration.ofSeconds(owner.timeoutSeconds()));
            return false;
        }
        boolean listed = pool.getObject().configs().stream().map(AccountConfig::id).anyMatch(id::equals);
        if (holder instanceof ClusterDirectory.Holder.Unknown unknown && listed) {
            refuse(response, "Account " + id + " is not connected by this instance, and its owner is not known: "
                    + unknown.reason());
            return false;
        }
        if (holder instanceof ClusterDirectory.Holder.Nobody && listed) {
            refuse(response, "Account " + id + " is connected by no instance right now (it is being handed over to "
                    + "another): try again in a few seconds");
            return false;
        }
        // Held here (claimed a moment ago), or an id nobody knows: the controller answers as it does alone.
        return true;
    }

    private void forward(ClusterDirectory.Peer peer, String id, HttpServletRequest request,
                         HttpServletResponse response, String me, Duration timeout) throws Exception {
        byte[] body = request.getInputStream().readAllBytes();
        PeerCalls.Answer answer;
        try {
            answer = peers.call(peer, request, body, me, timeout, false).join();
        } catch (CompletionException e) {
            refuse(response, "Account " + id + " is held by instance " + peer.id() + ", which did not answer: "
                    + PeerCalls.why(e));
            return;
        }
        answer.writeTo(response);
    }

    private static void refuse(HttpServletResponse response, String why) throws Exception {
        ErrorBodies.write(response, HttpServletResponse.SC_OK, ApiResponse.failure(why));
    }

    /**
     * The account of a task another instance follows (unfinished, on an account); null when this instance
     * follows it, or it is finished, unknown or waiting in the shared queue: then it is answered here.
     */
    private String accountOfTaskFollowedElsewhere(String taskId) {
        TaskService service = tasks.getObject();
        if (service.followsHere(taskId)) {
            return null;
        }
        return service.find(taskId).filter(task -> !task.status().isFinal()).map(Task::accountId).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static String pathId(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map ? ((Map<String, String>) map).get("id") : null;
    }
}
