package dev.mjbridge.account;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * PLACEHOLDER written on branch {@code api} so the REST layer compiles: only the
 * signatures the API relies on. The lead's implementation on main replaces this file.
 */
@Service
public class AccountPool {

    public List<AccountView> accounts() {
        return List.of();
    }

    public Optional<AccountView> account(String id) {
        return Optional.empty();
    }
}
