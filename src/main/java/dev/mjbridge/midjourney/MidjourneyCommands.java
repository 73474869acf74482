package dev.mjbridge.midjourney;

import java.util.Objects;
import java.util.Optional;

/**
 * Application ids and slash command ids/versions of both bots. Plain records so that
 * Spring can bind them from configuration; values left out fall back to {@link #defaults()}.
 */
public record MidjourneyCommands(BotCommands midjourney, BotCommands niji) {

    public static final String MIDJOURNEY_APPLICATION_ID = "936929561302675456";
    public static final String NIJI_APPLICATION_ID = "1022952195194359889";

    private static final BotCommands DEFAULT_MIDJOURNEY = new BotCommands(
            MIDJOURNEY_APPLICATION_ID,
            new CommandRef("938956540159881230", "1237876415471554623"),
            new CommandRef("1092492867185950852", "1237876415471554625"),
            new CommandRef("1062880104792997970", "1237876415471554624"),
            new CommandRef("1121575372539039774", "1247736572414001223"),
            new CommandRef("1169435442328911902", "1247736572414001224"),
            new CommandRef("972289487818334209", "1237876415735660565"),
            new CommandRef("1000850743479255081", "1237876415790055475"),
            // Only the ids of fast/relax/turbo are known; the versions are the ones
            // Midjourney registered together with the imagine version above.
            new CommandRef("972289487818334212", "1237876415735660572"),
            new CommandRef("972289487818334213", "1237876415735660573"),
            new CommandRef("1124132684143271996", "1237876415790055474"));

    private static final BotCommands DEFAULT_NIJI = new BotCommands(
            NIJI_APPLICATION_ID,
            new CommandRef("1023054140580057099", "1248805223892254774"),
            new CommandRef("1092683500743831652", "1248805223892254776"),
            new CommandRef("1061216934374424697", "1248805223892254775"),
            new CommandRef("1121575453916942376", "1248805223892254777"),
            new CommandRef("1023054140580057101", "1248805223892254781"),
            new CommandRef("1023054140580057102", "1248805223892254782"),
            new CommandRef("1023054140634579025", "1493662157915684906"),
            // Niji's fast/relax versions are not documented anywhere we trust: these are
            // the free slots of its 1248805223892254xxx registration. Configure them if
            // Discord answers "This command is outdated".
            new CommandRef("1023054140580057107", "1248805223892254778"),
            new CommandRef("1023054140634579024", "1248805223892254779"),
            null);

    public MidjourneyCommands {
        midjourney = midjourney == null ? DEFAULT_MIDJOURNEY : midjourney.orElse(DEFAULT_MIDJOURNEY);
        niji = niji == null ? DEFAULT_NIJI : niji.orElse(DEFAULT_NIJI);
    }

    /** The application ids, command ids and versions Midjourney and Niji registered. */
    public static MidjourneyCommands defaults() {
        return new MidjourneyCommands(DEFAULT_MIDJOURNEY, DEFAULT_NIJI);
    }

    /** The commands of one bot. */
    public BotCommands of(BotType botType) {
        return botType == BotType.NIJI_JOURNEY ? niji : midjourney;
    }

    /** The application id of one bot. */
    public String applicationId(BotType botType) {
        return of(botType).applicationId();
    }

    /** Which bot an application (or bot user) id belongs to; empty for anyone else. */
    public Optional<BotType> botTypeOf(String applicationOrUserId) {
        if (applicationOrUserId == null) {
            return Optional.empty();
        }
        if (Objects.equals(applicationOrUserId, midjourney.applicationId())) {
            return Optional.of(BotType.MID_JOURNEY);
        }
        if (Objects.equals(applicationOrUserId, niji.applicationId())) {
            return Optional.of(BotType.NIJI_JOURNEY);
        }
        return Optional.empty();
    }
}
