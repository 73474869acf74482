package dev.mjbridge.account;

import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.SimulatedDiscordProvider;

import java.nio.file.Path;
import java.util.List;

/**
 * The accounts this instance runs and the Discord they talk to: the operator's
 * accounts file against Discord, or simulated accounts against the built-in sandbox.
 *
 * @param file     the accounts file the accounts come from, null when they do not (sandbox mode)
 * @param checksum SHA-256 of the file's text as it was read, null without a file
 */
public record AccountSetup(List<AccountConfig> accounts, DiscordEndpoints endpoints,
                           SimulatedDiscordProvider.Running simulator, Path file, String checksum)
        implements AutoCloseable {

    public AccountSetup(List<AccountConfig> accounts, DiscordEndpoints endpoints,
                        SimulatedDiscordProvider.Running simulator) {
        this(accounts, endpoints, simulator, null, null);
    }

    public boolean sandbox() {
        return simulator != null;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
