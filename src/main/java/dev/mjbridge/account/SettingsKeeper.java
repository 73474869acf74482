package dev.mjbridge.account;

import dev.mjbridge.midjourney.BotType;
import dev.mjbridge.midjourney.Button;
import dev.mjbridge.midjourney.SettingsPanel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Keeps Midjourney's settings as accounts.yml says: when {@code /settings} shows remix or the
 * speed differing from the account's {@code remix} and (current) {@code mode}, the button that
 * sets it is pressed, once per sync. The settings message is ephemeral, so the press carries
 * message flags 64.
 */
final class SettingsKeeper {

    private static final Logger log = LoggerFactory.getLogger(SettingsKeeper.class);
    static final int EPHEMERAL = 64;

    private final JobSender sender;
    private final Nonces nonces = new Nonces();

    SettingsKeeper(JobSender sender) {
        this.sender = sender;
    }

    /**
     * Presses what differs, one button after the other.
     *
     * @param errors where a refused press is told
     */
    CompletableFuture<Void> keep(Account account, BotType bot, SettingsPanel panel, boolean remixOwner,
                                 List<String> errors) {
        List<Press> presses = new ArrayList<>();
        Boolean remix = account.config().sync().remix();
        if (remix != null && panel.remix() != null && !remix.equals(panel.remix())) {
            panel.remixButton().ifPresent(button -> presses.add(new Press(button,
                    "remix is " + onOff(panel.remix()) + ", accounts.yml says " + onOff(remix), remix)));
        }
        SpeedMode mode = account.config().mode();
        boolean offered = !(bot == BotType.NIJI_JOURNEY && mode == SpeedMode.TURBO);
        if (offered && panel.speed() != null && !panel.speed().equals(mode.name())) {
            panel.speedButton(mode.name()).ifPresent(button -> presses.add(new Press(button,
                    "the speed is " + panel.speed().toLowerCase(Locale.ROOT) + ", the account runs "
                            + mode.name().toLowerCase(Locale.ROOT), null)));
        }
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Press press : presses) {
            chain = chain.thenCompose(ignored -> press(account, bot, panel, press, remixOwner, errors));
        }
        return chain;
    }

    private CompletableFuture<Void> press(Account account, BotType bot, SettingsPanel panel, Press press,
                                          boolean remixOwner, List<String> errors) {
        log.info("account {}: {} settings: {}; pressing {}", account.id(), bot, press.why(), press.name());
        String nonce = nonces.next();
        account.sync().pending().expectNothing(nonce);
        return sender.press(account, panel.messageId(), EPHEMERAL, press.button().customId(), nonce, bot)
                .handle((ok, error) -> {
                    if (error != null) {
                        String reason = "pressing " + press.name() + " on " + bot + ": "
                                + Failures.reasonOf(error);
                        log.warn("account {}: {}", account.id(), reason);
                        synchronized (errors) {
                            errors.add(reason);
                        }
                    } else if (press.remix() != null && remixOwner) {
                        account.learnRemix(press.remix());
                    }
                    return null;
                });
    }

    private static String onOff(boolean value) {
        return value ? "on" : "off";
    }

    /** @param remix the remix value the press sets, null for a speed button */
    private record Press(Button button, String why, Boolean remix) {
        String name() {
            return button.label().isBlank() ? button.customId() : button.label();
        }
    }
}
