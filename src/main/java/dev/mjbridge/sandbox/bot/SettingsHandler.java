package dev.mjbridge.sandbox.bot;

import org.springframework.stereotype.Component;

/**
 * /settings and the mode commands: the ephemeral settings message whose buttons change
 * the user's state (and are redrawn), and /fast, /relax, /turbo with their confirmations.
 */
@Component
class SettingsHandler {

    private final UserStates userStates;
    private final EphemeralMessages ephemerals;
    private final DeferredReplies deferred;

    SettingsHandler(UserStates userStates, EphemeralMessages ephemerals, DeferredReplies deferred) {
        this.userStates = userStates;
        this.ephemerals = ephemerals;
        this.deferred = deferred;
    }

    /** A deferred reply: "thinking", then the settings and their buttons. */
    Decision show(Interaction command) {
        return Decision.success(() -> deferred.reply(command, message -> {
            message.put("content", "Adjust your settings here. Current suffix:  `"
                    + (command.app() == BotApp.NIJI ? "--niji 6" : "--v 7") + "`");
            message.set("components", Buttons.settings(userStates.get(command.user().id()), command.app()));
        }));
    }

    /** A settings button: change the setting, then redraw the message with the new choice in green. */
    Decision press(Interaction press, SettingsOption option) {
        return Decision.success(() -> {
            UserState now = userStates.update(press.user().id(), option::press);
            ephemerals.update(press.user(), press.messageId(),
                    message -> message.set("components", Buttons.settings(now, press.app())));
        });
    }

    Decision switchMode(Interaction command, SpeedMode mode) {
        return Decision.success(() -> {
            userStates.update(command.user().id(), state -> state.withMode(mode));
            deferred.reply(command, message -> message.put("content", confirmation(mode)));
        });
    }

    private static String confirmation(SpeedMode mode) {
        return switch (mode) {
            case FAST -> "Done! Switched to fast mode. Your jobs now use fast hours again. "
                    + "You can always switch back with `/relax`.";
            case RELAX -> "Done! Your jobs now do not consume fast-hours, but might take a little longer. "
                    + "You can always switch back with `/fast`.";
            case TURBO -> "Done! Turbo mode is on: your jobs run on the fastest GPUs and use twice the fast hours. "
                    + "Switch back with `/fast`.";
        };
    }
}
