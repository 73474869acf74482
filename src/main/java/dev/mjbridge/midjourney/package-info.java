/**
 * Everything mj-bridge knows about Midjourney, as plain Java (no Spring, no HTTP, no tasks).
 *
 * <ul>
 *   <li>{@link dev.mjbridge.midjourney.MidjourneyCommands}: application ids and slash command
 *       ids/versions per {@link dev.mjbridge.midjourney.BotType}; bindable configuration.</li>
 *   <li>{@link dev.mjbridge.midjourney.CustomId}: the grammar of button and modal custom ids.</li>
 *   <li>{@link dev.mjbridge.midjourney.InteractionPayloads}: bodies for {@code POST /api/v9/interactions}.</li>
 *   <li>{@link dev.mjbridge.midjourney.MessageParser}: the one parser from gateway dispatches to
 *       {@link dev.mjbridge.midjourney.MjEvent}s, each with a {@link dev.mjbridge.midjourney.Correlation}.</li>
 * </ul>
 */
package dev.mjbridge.midjourney;
