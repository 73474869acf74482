package dev.mjbridge.discord;

/** A reserved upload: PUT the bytes to {@code uploadUrl}, then reference {@code uploadFilename} in a command. */
public record UploadSlot(String id, String filename, String uploadUrl, String uploadFilename) {
}
