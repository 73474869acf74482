package dev.mjbridge.api;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.mjbridge.account.AccountPool;
import dev.mjbridge.account.AccountView;

/**
 * The account pool as clients may see it. {@link AccountView} carries no token by
 * construction, so nothing here can leak one.
 */
@RestController
@RequestMapping({ApiPaths.ROOT + "/account", ApiPaths.MODE_ROOT + "/account"})
public class AccountController {

    private final AccountPool pool;

    AccountController(AccountPool pool) {
        this.pool = pool;
    }

    @GetMapping("/list")
    public List<AccountView> list() {
        return pool.accounts();
    }

    /** The account, or an empty body for an unknown id (as task fetch does). */
    @GetMapping("/{id}/fetch")
    public ResponseEntity<AccountView> fetch(@PathVariable("id") String id) {
        return pool.account(id).map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.ok().build());
    }
}
