package dev.mjbridge.api;

import java.util.List;

import dev.mjbridge.task.TaskJson;

/** A JSON array of ready task JSON, joined byte for byte as the JSON mapper would write the list. */
final class JsonArrays {

    private JsonArrays() {
    }

    static byte[] of(List<TaskJson> tasks) {
        int size = 2 + Math.max(0, tasks.size() - 1);
        for (TaskJson task : tasks) {
            size += task.json().length;
        }
        byte[] out = new byte[size];
        out[0] = '[';
        int at = 1;
        for (int i = 0; i < tasks.size(); i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            byte[] json = tasks.get(i).json();
            System.arraycopy(json, 0, out, at, json.length);
            at += json.length;
        }
        out[at] = ']';
        return out;
    }
}
