package dev.mjbridge.sandbox.bot;

import dev.mjbridge.sandbox.world.Channel;
import dev.mjbridge.sandbox.world.SandboxUser;
import tools.jackson.databind.node.ObjectNode;

/** Told when a user reacts to a message (the Midjourney bot answers ✉️ with the seed). */
public interface ReactionReceiver {

    void reactionAdded(SandboxUser user, Channel channel, ObjectNode message, String emoji);
}
