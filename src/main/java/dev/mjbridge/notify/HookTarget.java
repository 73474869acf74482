package dev.mjbridge.notify;

/**
 * Where a task's updates go.
 *
 * @param url     the hook URL (may carry a token: log it only through {@link HookUrls#forLog})
 * @param checked true for a client's per-request hook, which passes {@link NotifyHookPolicy}
 *                before every delivery; false for the operator's trusted global hook
 */
record HookTarget(String url, boolean checked) {

    static HookTarget perRequest(String url) {
        return new HookTarget(url.trim(), true);
    }

    static HookTarget global(String url) {
        return new HookTarget(url.trim(), false);
    }

    @Override
    public String toString() {
        return HookUrls.forLog(url);
    }
}
