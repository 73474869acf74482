package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The per-user Midjourney state, created with {@link UserState#initial()} on first use. */
@Component
public class UserStates {

    private final Map<String, UserState> states = new ConcurrentHashMap<>();

    public UserState get(String userId) {
        return states.computeIfAbsent(userId, id -> UserState.initial());
    }

    public UserState update(String userId, UnaryOperator<UserState> change) {
        return states.compute(userId, (id, current) -> change.apply(current == null ? UserState.initial() : current));
    }

    public void resetAll() {
        states.clear();
    }
}
