/**
 * Keeps the pictures of finished tasks so that their links outlive Discord's: a result is held
 * while its picture is downloaded and stored (or linked on Midjourney's CDN), then the task
 * succeeds with the lasting link. Which of these runs is {@code mj.images.url}.
 */
package dev.mjbridge.task.images;
