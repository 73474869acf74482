package dev.mjbridge.sandbox.world;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A guild with its member user ids and channel ids; both sets grow on first use. */
public final class Guild {

    private final String id;
    private final String name;
    private final Set<String> memberIds = ConcurrentHashMap.newKeySet();
    private final Set<String> channelIds = ConcurrentHashMap.newKeySet();

    public Guild(String id, String name) {
        this.id = id;
        this.name = name;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public Set<String> memberIds() {
        return Set.copyOf(memberIds);
    }

    public boolean hasMember(String userId) {
        return memberIds.contains(userId);
    }

    void addMember(String userId) {
        memberIds.add(userId);
    }

    public Set<String> channelIds() {
        return Set.copyOf(channelIds);
    }

    void addChannel(String channelId) {
        channelIds.add(channelId);
    }
}
