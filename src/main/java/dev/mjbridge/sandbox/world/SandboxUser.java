package dev.mjbridge.sandbox.world;

/** A Discord user or bot account that the sandbox admits. The token never leaves this record. */
public record SandboxUser(String id, String username, String token, boolean bot) {

    @Override
    public String toString() {
        return "SandboxUser[id=" + id + ", username=" + username + ", bot=" + bot + "]";
    }
}
