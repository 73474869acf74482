package dev.mjbridge.sandbox.cdn;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Discord's two-step upload: {@code POST /channels/{id}/attachments} reserves an
 * upload filename, the client PUTs the bytes to the upload URL, and a later command
 * references the upload filename in {@code data.attachments[].uploaded_filename}.
 */
public final class UploadStore {

    /** A reserved upload; {@code bytes} is null until the PUT arrives. */
    public record Upload(String uploadFilename, String userId, String channelId, String filename, long declaredSize,
                         byte[] bytes) {

        public boolean complete() {
            return bytes != null;
        }
    }

    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();

    public Upload reserve(String userId, String channelId, String filename, long declaredSize) {
        String safeName = filename.replaceAll("[^A-Za-z0-9._-]", "_");
        String uploadFilename = UUID.randomUUID() + "/" + safeName;
        Upload upload = new Upload(uploadFilename, userId, channelId, safeName, declaredSize, null);
        uploads.put(uploadFilename, upload);
        return upload;
    }

    /** Stores the bytes of a reserved upload; false when nothing was reserved under that name. */
    public boolean complete(String uploadFilename, byte[] bytes) {
        return uploads.computeIfPresent(uploadFilename, (name, u) ->
                new Upload(u.uploadFilename(), u.userId(), u.channelId(), u.filename(), u.declaredSize(), bytes)) != null;
    }

    public Optional<Upload> find(String uploadFilename) {
        return Optional.ofNullable(uploadFilename == null ? null : uploads.get(uploadFilename));
    }
}
