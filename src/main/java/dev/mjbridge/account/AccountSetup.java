package dev.mjbridge.account;

import dev.mjbridge.discord.DiscordEndpoints;
import dev.mjbridge.discord.SimulatedDiscordProvider;

import java.util.List;

/**
 * The accounts this instance runs and the Discord they talk to: the operator's
 * accounts file against Discord, or simulated accounts against the built-in sandbox.
 */
public record AccountSetup(List<AccountConfig> accounts, DiscordEndpoints endpoints,
                           SimulatedDiscordProvider.Running simulator) implements AutoCloseable {

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
